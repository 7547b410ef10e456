#include "widgets/EditBriefDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton::ui {

EditBriefDialog::EditBriefDialog(const QString &briefJson,
                                 std::function<QStringList(const QString &)> check, QWidget *parent)
    : QDialog(parent), m_check(std::move(check)), m_editor(new QPlainTextEdit(this)),
      m_reason(new QLineEdit(this)), m_problems(new QLabel(this)), m_save(nullptr)
{
    setObjectName(QStringLiteral("editBriefDialog"));
    setWindowTitle(tr("Edit brief"));
    resize(900, 700);
    m_editor->setObjectName(QStringLiteral("briefJson"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(QString::fromUtf8(
        QJsonDocument::fromJson(briefJson.toUtf8()).toJson(QJsonDocument::Indented)));
    m_reason->setObjectName(QStringLiteral("editReason"));
    m_reason->setPlaceholderText(tr("Why this edit (required)"));
    m_problems->setObjectName(QStringLiteral("editProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *hint = new QLabel(tr("Summary sentences, recommended actions and profile values can be "
                               "edited; the rest is the pipeline's record."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &EditBriefDialog::recheck);
    connect(m_reason, &QLineEdit::textChanged, this, &EditBriefDialog::recheck);
    recheck();
}

QString EditBriefDialog::editedJson() const
{
    return m_editor->toPlainText();
}

QString EditBriefDialog::reason() const
{
    return m_reason->text().trimmed();
}

void EditBriefDialog::recheck()
{
    const QStringList problems = m_check(m_editor->toPlainText());
    m_problems->setText(problems.isEmpty()
                            ? QString()
                            : tr("Cannot be saved:\n%1").arg(problems.join(QLatin1Char('\n'))));
    m_problems->setStyleSheet(problems.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    m_save->setEnabled(problems.isEmpty() && !reason().isEmpty());
}

} // namespace baton::ui
