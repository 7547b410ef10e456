#include "widgets/EditBriefDialog.h"

#include "PlainText.h"
#include "models/DisplayFormat.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace baton::ui {

EditBriefDialog::EditBriefDialog(const QString &briefJson,
                                 std::function<QStringList(const QString &)> check, QWidget *parent)
    : QDialog(parent), m_check(std::move(check)), m_editor(new QPlainTextEdit(this)),
      m_views(new QTabWidget(this)), m_fields(new QTableWidget(this)),
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
    // Enter finishes a cell or a line; saving is a deliberate click (or Alt+S).
    for (QAbstractButton *b : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    auto *layout = new QVBoxLayout(this);
    m_fields->setObjectName(QStringLiteral("briefFields"));
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels({tr("Section"), tr("#"), tr("Text")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    m_views->addTab(m_fields, tr("Fields"));
    m_views->addTab(m_editor, tr("JSON"));
    layout->addWidget(hint);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &EditBriefDialog::recheck);
    connect(m_reason, &QLineEdit::textChanged, this, &EditBriefDialog::recheck);
    connect(m_fields, &QTableWidget::cellChanged, this, &EditBriefDialog::fieldEdited);
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_fields)
            fillFields(); // what the JSON view now says
    });
    fillFields();
    recheck();
    showLabelsAsPlainText(this);
}

namespace {

struct EditableText
{
    QString section;
    int number; // from 1, within its section
    std::string pointer;
};

std::vector<EditableText> editableTexts(const nlohmann::json &brief)
{
    std::vector<EditableText> out;
    const auto list = [&](const QString &title, const char *array, const char *key) {
        const auto pointer = nlohmann::json::json_pointer(array);
        if (!brief.contains(pointer) || !brief.at(pointer).is_array())
            return;
        for (std::size_t i = 0; i < brief.at(pointer).size(); ++i)
            out.push_back({title, static_cast<int>(i) + 1,
                           std::string(array) + "/" + std::to_string(i) + "/" + key});
    };
    list(EditBriefDialog::tr("Intent signal"), "/summary/intent_signals", "text");
    list(EditBriefDialog::tr("Talking point"), "/summary/talking_points", "text");
    list(EditBriefDialog::tr("Risk"), "/summary/risks", "text");
    list(EditBriefDialog::tr("Recommended action"), "/recommended_actions", "reason");
    return out;
}

} // namespace

void EditBriefDialog::fillFields()
{
    const auto brief = nlohmann::json::parse(m_editor->toPlainText().toStdString(), nullptr, false);
    const QSignalBlocker quiet(m_fields);
    m_filling = true;
    m_fields->setRowCount(0);
    m_fields->setEnabled(!brief.is_discarded());
    if (!brief.is_discarded()) {
        for (const auto &text : editableTexts(brief)) {
            const int row = m_fields->rowCount();
            m_fields->insertRow(row);
            auto *section = new QTableWidgetItem(text.section);
            section->setFlags(section->flags() & ~Qt::ItemIsEditable);
            section->setData(Qt::UserRole, qs(text.pointer));
            auto *number = new QTableWidgetItem(QString::number(text.number));
            number->setFlags(number->flags() & ~Qt::ItemIsEditable);
            const auto &value = brief.at(nlohmann::json::json_pointer(text.pointer));
            m_fields->setItem(row, 0, section);
            m_fields->setItem(row, 1, number);
            m_fields->setItem(row, 2,
                              new QTableWidgetItem(
                                  qs(value.is_string() ? value.get<std::string>() : value.dump())));
        }
        m_fields->resizeColumnsToContents();
    }
    m_filling = false;
}

void EditBriefDialog::fieldEdited(int row, int column)
{
    if (m_filling || column != 2)
        return;
    auto brief = nlohmann::json::parse(m_editor->toPlainText().toStdString(), nullptr, false);
    if (brief.is_discarded())
        return;
    const auto pointer = m_fields->item(row, 0)->data(Qt::UserRole).toString().toStdString();
    brief[nlohmann::json::json_pointer(pointer)] = m_fields->item(row, 2)->text().toStdString();
    m_editor->setPlainText(qs(brief.dump(2))); // rechecks
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
