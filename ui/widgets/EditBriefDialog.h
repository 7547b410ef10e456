#pragma once

#include <QDialog>
#include <functional>

class QLabel;
class QTabWidget;
class QTableWidget;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace baton::ui {

// The brief as JSON, checked as you type: what an edit would break (not editable, not
// valid JSON, against brief@1) is listed with where, and Save stays off until it is fixed
// and a reason is given.
class EditBriefDialog : public QDialog
{
    Q_OBJECT

public:
    EditBriefDialog(const QString &briefJson, std::function<QStringList(const QString &)> check,
                    QWidget *parent = nullptr);

    QString editedJson() const;
    QString reason() const;
    QPlainTextEdit *editor() const { return m_editor; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLabel *problems() const { return m_problems; }
    QPushButton *saveButton() const { return m_save; }
    // The editable sentences and action reasons, one per row (Section, #, Text): typing in
    // the Text column edits the JSON, and the JSON view refills it.
    QTableWidget *fields() const { return m_fields; }
    QTabWidget *views() const { return m_views; }

private:
    void recheck();
    void fillFields();
    void fieldEdited(int row, int column);

    std::function<QStringList(const QString &)> m_check;
    QPlainTextEdit *m_editor;
    QTabWidget *m_views;
    QTableWidget *m_fields;
    bool m_filling = false;
    QLineEdit *m_reason;
    QLabel *m_problems;
    QPushButton *m_save;
};

} // namespace baton::ui
