#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace baton::ui {

// The bar shown while an import runs: which file, bytes done of total, and Cancel.
class ImportProgress : public QWidget
{
    Q_OBJECT

public:
    explicit ImportProgress(QWidget *parent = nullptr);

    void begin(int fileCount);
    void setProgress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    void end();

    // Bytes as the bar shows them (scaled so files over 2 GB fit an int).
    int value() const;
    int maximum() const;

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace baton::ui
