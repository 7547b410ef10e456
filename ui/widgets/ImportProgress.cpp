#include "widgets/ImportProgress.h"
#include "PlainText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace baton::ui {

namespace {

constexpr int kScale = 1000; // the bar counts per mille of the run's bytes

} // namespace

ImportProgress::ImportProgress(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("importProgress"));
    m_bar->setObjectName(QStringLiteral("importProgressBar"));
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_bar->setRange(0, kScale);
    m_bar->setTextVisible(true);
    m_cancel->setToolTip(tr("Stop the import; importing the file again completes it."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
        emit cancelRequested();
    });
    hide();
    showLabelsAsPlainText(this);
}

void ImportProgress::begin(int fileCount)
{
    m_bar->setValue(0);
    m_bar->setFormat(QStringLiteral("%p%"));
    m_cancel->setEnabled(true);
    m_label->setText(tr("Importing %n file(s)…", nullptr, fileCount));
    show();
}

void ImportProgress::setProgress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile)
{
    const double fraction =
        bytesTotal > 0 ? static_cast<double>(bytesDone) / static_cast<double>(bytesTotal) : 0.0;
    m_bar->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kScale));
    const QLocale locale;
    m_bar->setFormat(tr("%1 of %2").arg(locale.formattedDataSize(bytesDone),
                                        locale.formattedDataSize(bytesTotal)));
    if (m_cancel->isEnabled() && !currentFile.isEmpty())
        m_label->setText(tr("Importing %1…").arg(currentFile));
}

void ImportProgress::end()
{
    m_bar->setValue(kScale);
    hide();
}

int ImportProgress::value() const { return m_bar->value(); }
int ImportProgress::maximum() const { return m_bar->maximum(); }

} // namespace baton::ui
