<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BatchStatus</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message>
        <source>Baton cannot open the store %1.

%2</source>
        <translation>Baton kann den Datenspeicher %1 nicht öffnen.

%2</translation>
    </message>
    <message>
        <source>Baton&apos;s built-in data contracts could not be loaded.

%1</source>
        <translation>Die eingebauten Datenverträge von Baton konnten nicht geladen werden.

%1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>PageCatalog</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>The handoff briefs assigned to you, to read, approve, edit or escalate.</source>
        <translation>Die Ihnen zugewiesenen Übergabe-Briefings, zum Lesen, Freigeben, Bearbeiten oder Eskalieren.</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Briefs that an agent or a reviewer escalated, for a manager to resolve or reassign, with their SLAs.</source>
        <translation>Briefings, die ein Agent oder ein Prüfer eskaliert hat, damit eine Führungskraft sie klärt oder neu zuweist, mit ihren SLAs.</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Which source record fed which field of which brief, under which contract and agent version.</source>
        <translation>Welcher Quelldatensatz welches Feld welches Briefings gespeist hat, unter welchem Vertrag und welcher Agentenversion.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Team throughput, SLA compliance and data quality over time.</source>
        <translation>Durchsatz des Teams, Einhaltung der SLAs und Datenqualität im Zeitverlauf.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Approved briefs waiting to be pushed to the CRM, with their attempts and errors.</source>
        <translation>Freigegebene Briefings, die auf die Übertragung ins CRM warten, mit ihren Versuchen und Fehlern.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>The hash-chained audit trail of every decision, and its verification.</source>
        <translation>Der hashverkettete Prüfpfad jeder Entscheidung und seine Verifikation.</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>The versioned data contracts, their status and drift in the data.</source>
        <translation>Die versionierten Datenverträge, ihr Status und ihre Abweichungen in den Daten.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Import batches and quarantined records, with their exact errors.</source>
        <translation>Importstapel und Datensätze in Quarantäne, mit ihren genauen Fehlern.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The CRM connection, policies, retention and users.</source>
        <translation>Die CRM-Verbindung, Richtlinien, Aufbewahrung und Benutzer.</translation>
    </message>
</context>
<context>
    <name>baton::ui::AppActions</name>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Import HubSpot, Marketo or Baton JSONL files into the store through their contracts</source>
        <translation>HubSpot-, Marketo- oder Baton-JSONL-Dateien über ihre Verträge in den Datenspeicher importieren</translation>
    </message>
    <message>
        <source>Read the shown data again from the store</source>
        <translation>Die angezeigten Daten erneut aus dem Datenspeicher lesen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
</context>
<context>
    <name>baton::ui::BatchTableModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Could not read import batches: %1</source>
        <translation>Importstapel konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::DataPage</name>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>Show batches and quarantined records whose file, source, status, contract, field or message contain this text</source>
        <translation>Stapel und Datensätze in Quarantäne zeigen, deren Datei, Quelle, Status, Vertrag, Feld oder Meldung diesen Text enthält</translation>
    </message>
    <message>
        <source>Show all batches</source>
        <translation>Alle Stapel zeigen</translation>
    </message>
    <message>
        <source>Show the quarantined records of every batch again</source>
        <translation>Wieder die Datensätze in Quarantäne aus allen Stapeln zeigen</translation>
    </message>
    <message>
        <source>Import batches: %1</source>
        <translation>Importstapel: %1</translation>
    </message>
    <message>
        <source>Quarantined records of batch %1: %2</source>
        <translation>Datensätze in Quarantäne aus Stapel %1: %2</translation>
    </message>
    <message>
        <source>Quarantined records, all batches: %1</source>
        <translation>Datensätze in Quarantäne, alle Stapel: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::ImportController</name>
    <message>
        <source>Import files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Exports (*.csv *.jsonl *.ndjson *.json);;CSV files (*.csv);;JSON Lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation>Exporte (*.csv *.jsonl *.ndjson *.json);;CSV-Dateien (*.csv);;JSON Lines (*.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 was imported before (batch %2) and was skipped</source>
        <translation>%1 wurde bereits importiert (Stapel %2) und wurde übersprungen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 Dateien</translation>
    </message>
    <message>
        <source>Imported %1: %2 accepted, %3 quarantined</source>
        <translation>%1 importiert: %2 angenommen, %3 in Quarantäne</translation>
    </message>
    <message>
        <source>Import cancelled; importing the file again completes it</source>
        <translation>Import abgebrochen; ein erneuter Import der Datei schließt ihn ab</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Es wurde nichts importiert</translation>
    </message>
</context>
<context>
    <name>baton::ui::ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the import; importing the file again completes it.</source>
        <translation>Den Import anhalten; ein erneuter Import der Datei schließt ihn ab.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importiere %n Datei…</numerusform>
            <numerusform>Importiere %n Dateien…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::ui::MainWindow</name>
    <message>
        <source>Baton — %1</source>
        <translation>Baton — %1</translation>
    </message>
    <message>
        <source>The store this window shows</source>
        <translation>Der Datenspeicher, den dieses Fenster zeigt</translation>
    </message>
</context>
<context>
    <name>baton::ui::NavigationList</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>baton::ui::PlaceholderPage</name>
    <message>
        <source>This page will show: %1</source>
        <translation>Diese Seite wird zeigen: %1</translation>
    </message>
    <message>
        <source>It is not built yet.</source>
        <translation>Diese Seite ist noch nicht gebaut.</translation>
    </message>
</context>
<context>
    <name>baton::ui::QuarantineDetail</name>
    <message>
        <source>Select a quarantined record to see every error and its raw text.</source>
        <translation>Wählen Sie einen Datensatz in Quarantäne, um alle seine Fehler und seinen Rohtext zu sehen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>%1, line %2 (batch %3)</source>
        <translation>%1, Zeile %2 (Stapel %3)</translation>
    </message>
    <message>
        <source>%1 (batch %2)</source>
        <translation>%1 (Stapel %2)</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Raw record:</source>
        <translation>Rohdatensatz:</translation>
    </message>
    <message>
        <source>(not kept)</source>
        <translation>(nicht aufbewahrt)</translation>
    </message>
</context>
<context>
    <name>baton::ui::QuarantineTableModel</name>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Could not read quarantined records: %1</source>
        <translation>Datensätze in Quarantäne konnten nicht gelesen werden: %1</translation>
    </message>
</context>
</TS>
