#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QModelIndex;

namespace baton::ui {

// Everything about one quarantined record: where it came from, every error the contract
// gate found (not just the first), and the record's raw text as it was in the file.
class QuarantineDetail : public QWidget
{
    Q_OBJECT

public:
    explicit QuarantineDetail(QWidget *parent = nullptr);

    // Shows the record at `index` of a QuarantineTableModel; clears for an invalid index.
    void showRecord(const QModelIndex &index);
    void clear();

    // The text shown, for tests and copy.
    QString text() const;

    // "• Email (/email): not a valid email address" lines for an errors JSON array.
    static QString errorLines(const QString &errorsJson);

private:
    QLabel *m_title;
    QPlainTextEdit *m_text;
};

} // namespace baton::ui
