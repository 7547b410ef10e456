#include "widgets/QuarantineDetail.h"
#include "PlainText.h"

#include "models/QuarantineTableModel.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace baton::ui {

QuarantineDetail::QuarantineDetail(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("quarantineDetail"));
    m_text->setObjectName(QStringLiteral("quarantineDetailText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    clear();
    showLabelsAsPlainText(this);
}

void QuarantineDetail::clear()
{
    m_title->setText(tr("Select a quarantined record to see every error and its raw text."));
    m_text->clear();
}

QString QuarantineDetail::text() const { return m_text->toPlainText(); }

QString QuarantineDetail::errorLines(const QString &errorsJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(errorsJson.toUtf8());
    if (!doc.isArray())
        return errorsJson;
    QStringList lines;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject e = v.toObject();
        const QString field = e.value(QLatin1String("field")).toString();
        const QString pointer = e.value(QLatin1String("pointer")).toString();
        const QString message = e.value(QLatin1String("message")).toString();
        QString where = field.isEmpty() ? pointer : field;
        if (!field.isEmpty() && !pointer.isEmpty() && pointer != field)
            where = tr("%1 (%2)").arg(field, pointer);
        lines << (where.isEmpty() ? tr("• %1").arg(message) : tr("• %1: %2").arg(where, message));
    }
    return lines.join(QLatin1Char('\n'));
}

void QuarantineDetail::showRecord(const QModelIndex &index)
{
    if (!index.isValid()) {
        clear();
        return;
    }
    auto role = [&](int r) { return index.siblingAtColumn(0).data(r); };
    const QString file = index.siblingAtColumn(QuarantineTableModel::FileColumn).data().toString();
    const QVariant line = role(QuarantineTableModel::LineRole);
    const qint64 batch = role(QuarantineTableModel::BatchIdRole).toLongLong();
    m_title->setText(line.isValid()
                         ? tr("%1, line %2 (batch %3)").arg(file).arg(line.toLongLong()).arg(batch)
                         : tr("%1 (batch %2)").arg(file).arg(batch));
    const QString raw = role(QuarantineTableModel::RawRole).toString();
    m_text->setPlainText(tr("Errors:") + QLatin1Char('\n') +
                         errorLines(role(QuarantineTableModel::ErrorsJsonRole).toString()) +
                         QLatin1String("\n\n") + tr("Raw record:") + QLatin1Char('\n') +
                         (raw.isEmpty() ? tr("(not kept)") : raw));
}

} // namespace baton::ui
