#include "ReviewDialogs.h"

#include "widgets/EditBriefDialog.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>

namespace baton::ui {

std::optional<EscalationRequest> QtReviewDialogs::escalation(QWidget *parent,
                                                             const QStringList &categories,
                                                             const QStringList &managers)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QDialog::tr("Escalate brief"));
    auto *category = new QComboBox(&dialog);
    category->addItems(categories);
    auto *manager = new QComboBox(&dialog);
    manager->addItem(QDialog::tr("The owner's manager"), QString());
    for (const auto &m : managers)
        manager->addItem(m, m);
    auto *note = new QPlainTextEdit(&dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(QDialog::tr("Reason"), category);
    form->addRow(QDialog::tr("To"), manager);
    form->addRow(QDialog::tr("Note"), note);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return EscalationRequest{category->currentText(), note->toPlainText(),
                             manager->currentData().toString()};
}

std::optional<QString> QtReviewDialogs::comment(QWidget *parent)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        parent, QDialog::tr("Comment"), QDialog::tr("Comment on this brief:"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return std::nullopt;
    return text.trimmed();
}

std::optional<QString> QtReviewDialogs::note(QWidget *parent, const QString &title)
{
    bool ok = false;
    const QString text =
        QInputDialog::getMultiLineText(parent, title, QDialog::tr("Note:"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return std::nullopt;
    return text.trimmed();
}

std::optional<QString> QtReviewDialogs::choice(QWidget *parent, const QString &title,
                                               const QString &label, const QStringList &items)
{
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return chosen;
}

std::optional<EditRequest>
QtReviewDialogs::edit(QWidget *parent, const QString &briefJson,
                      const std::function<QStringList(const QString &)> &check)
{
    EditBriefDialog dialog(briefJson, check, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return EditRequest{dialog.editedJson(), dialog.reason()};
}

void QtReviewDialogs::shortcuts(QWidget *parent, const QString &text)
{
    QMessageBox::information(parent, QDialog::tr("Keyboard shortcuts"), text);
}

} // namespace baton::ui
