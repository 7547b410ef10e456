#include "AppActions.h"
#include "ConsoleContext.h"
#include "FakeSeams.h"
#include "MainWindow.h"
#include "Settings.h"
#include "UiTestStore.h"
#include "console/Translations.h"
#include "models/BatchTableModel.h"
#include "models/InboxTableModel.h"
#include "models/QuarantineTableModel.h"
#include "pages/DataPage.h"
#include "pages/InboxPage.h"
#include "pages/PageCatalog.h"
#include "workers/ThreadedImportRunner.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace baton;

// The German translation is compiled in, complete, and what the Data page shows.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void germanIsCompiledIn()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/baton_de.qm")));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language(), QStringLiteral("de_DE"));
    }

    void everyStringIsTranslated()
    {
        QFile ts(QStringLiteral(BATON_SOURCE_DIR "/translations/baton_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(type, source)));
                // Plural forms are nested <numerusform>s; the text of either must be there.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                QVERIFY2(!text.trimmed().isEmpty(),
                         qPrintable(QStringLiteral("untranslated: ") + source));
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 50);
    }

    void dataPageSpeaksGerman()
    {
        QVERIFY(app::installTranslators(*qApp, QLocale(QLocale::German, QLocale::Germany)));

        UiTestStore store;
        QVERIFY(store
                    .import(QStringLiteral("messe-kontakte.csv"),
                            hubspotCsv(1, 4, [](int i) { return i == 2; }))
                    .batchId > 0);
        ui::Settings settings(store.filePath(QStringLiteral("settings.ini")));
        FakeFileDialogs dialogs;
        app::ThreadedImportRunner runner(store.storePath(), store.registry);
        FakeMessageBoxes messages;
        FakeReviewDialogs reviewDialogs;
        ui::ConsoleContext context(store.db, store.storePath(), *store.registry, store.clock,
                                   QString(),
                                   ui::ConsoleSeams{messages, reviewDialogs, dialogs, settings});
        ui::MainWindow window(context, ui::MainWindow::Runners{runner, nullptr, nullptr});
        window.showPage(ui::PageId::Data);

        QCOMPARE(ui::pageTitle(ui::PageId::Data), QStringLiteral("Daten"));
        QCOMPARE(ui::pageTitle(ui::PageId::Inbox), QStringLiteral("Posteingang"));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QCOMPARE(navigation->item(int(ui::PageId::Data))->text(), QStringLiteral("Daten"));
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("filterEdit"))->placeholderText(),
                 QStringLiteral("Filtern…"));
        QCOMPARE(window.appActions()->importFiles()->text(),
                 QStringLiteral("Dateien &importieren…"));
        QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("showAllQuarantine"))->text(),
                 QStringLiteral("Alle Stapel zeigen"));

        ui::BatchTableModel *batches = window.dataPage()->batchModel();
        QCOMPARE(batches->headerData(ui::BatchTableModel::StartedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Gestartet"));
        QCOMPARE(
            batches->headerData(ui::BatchTableModel::QuarantinedColumn, Qt::Horizontal).toString(),
            QStringLiteral("In Quarantäne"));
        QCOMPARE(batches->index(0, ui::BatchTableModel::StatusColumn).data().toString(),
                 QStringLiteral("Fertig"));
        ui::QuarantineTableModel *quarantine = window.dataPage()->quarantineModel();
        QCOMPARE(quarantine->headerData(ui::QuarantineTableModel::MessageColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Meldung"));
        QCOMPARE(quarantine->headerData(ui::QuarantineTableModel::FieldColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Feld"));

        window.showPage(ui::PageId::Lineage);
        auto *fit = window.page(ui::PageId::Lineage)
                        ->findChild<QPushButton *>(QStringLiteral("lineageFit"));
        QVERIFY(fit);
        QCOMPARE(fit->text(), QStringLiteral("&An Fenster anpassen"));

        // The inbox, with nobody chosen yet, says so in German, and its table speaks it too.
        window.showPage(ui::PageId::Inbox);
        auto *who = window.inboxPage()->findChild<QLabel *>(QStringLiteral("actingAs"));
        QVERIFY(who);
        QVERIFY2(who->text().startsWith(QStringLiteral("Wählen Sie")), qPrintable(who->text()));
        QCOMPARE(window.inboxPage()
                     ->model()
                     ->headerData(ui::InboxTableModel::CompanyColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Firma"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
