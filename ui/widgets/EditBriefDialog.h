#pragma once

#include <QDialog>
#include <functional>

class QLabel;
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

private:
    void recheck();

    std::function<QStringList(const QString &)> m_check;
    QPlainTextEdit *m_editor;
    QLineEdit *m_reason;
    QLabel *m_problems;
    QPushButton *m_save;
};

} // namespace baton::ui
