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
    <name>BriefLabels</name>
    <message>
        <source>Book a demo</source>
        <translation>Demo vereinbaren</translation>
    </message>
    <message>
        <source>Send pricing</source>
        <translation>Preise senden</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Send an e-mail</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <source>Keep in nurture</source>
        <translation>Weiter im Nurturing</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Verify the company data</source>
        <translation>Firmendaten prüfen</translation>
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
    <message>
        <source>Others on this computer can read this store, and the leads in it:

%1

To keep it yours alone, run:
%2</source>
        <translation>Andere auf diesem Computer können diesen Speicher lesen, und die Leads darin:

%1

Damit er nur Ihnen gehört, führen Sie aus:
%2</translation>
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
    <message>
        <source>HubSpot at %1</source>
        <translation>HubSpot unter %1</translation>
    </message>
    <message>
        <source>Salesforce at %1</source>
        <translation>Salesforce unter %1</translation>
    </message>
    <message>
        <source>the webhook at %1</source>
        <translation>den Webhook unter %1</translation>
    </message>
    <message>
        <source>the webhook</source>
        <translation>dem Webhook</translation>
    </message>
    <message>
        <source>the JSONL file %1</source>
        <translation>die JSONL-Datei %1</translation>
    </message>
    <message>
        <source>the JSONL file</source>
        <translation>der JSONL-Datei</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n T.</numerusform>
            <numerusform>%n T.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>überfällig seit %1</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Queued for the CRM</source>
        <translation>Für das CRM vorgemerkt</translation>
    </message>
    <message>
        <source>In the CRM</source>
        <translation>Im CRM</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Übertragung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>KpiCharts</name>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Post-handoff accuracy: opportunities within 30 days, by score band</source>
        <translation>Treffsicherheit nach Übergabe: Opportunities binnen 30 Tagen, nach Score-Band</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>kalibriert</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>beobachtet</translation>
    </message>
    <message>
        <source>bands</source>
        <translation>Bänder</translation>
    </message>
    <message>
        <source>predicted (score / 100)</source>
        <translation>vorhergesagt (Score / 100)</translation>
    </message>
    <message>
        <source>observed rate</source>
        <translation>beobachtete Quote</translation>
    </message>
    <message>
        <source>Briefs generated per day</source>
        <translation>Erstellte Briefs pro Tag</translation>
    </message>
    <message>
        <source>briefs</source>
        <translation>Briefs</translation>
    </message>
    <message>
        <source>escalated at creation</source>
        <translation>bei Erstellung eskaliert</translation>
    </message>
    <message>
        <source>Handoff generation time (newest signal to brief)</source>
        <translation>Übergabezeit (jüngstes Signal bis Brief)</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Pipeline time per brief</source>
        <translation>Pipeline-Zeit pro Brief</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Approval, edit and escalation rates (% of the day&apos;s briefs)</source>
        <translation>Freigabe-, Bearbeitungs- und Eskalationsquote (% der Briefs des Tages)</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <source>Time to review (brief to first decision)</source>
        <translation>Zeit bis zur Prüfung (Brief bis erste Entscheidung)</translation>
    </message>
    <message>
        <source>SLA breaches</source>
        <translation>SLA-Verletzungen</translation>
    </message>
    <message>
        <source>breaches</source>
        <translation>Verletzungen</translation>
    </message>
    <message>
        <source>CRM operations settled</source>
        <translation>Abgeschlossene CRM-Vorgänge</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Data quality: briefs by completeness</source>
        <translation>Datenqualität: Briefs nach Vollständigkeit</translation>
    </message>
    <message>
        <source>Contract violations by source, contract and field</source>
        <translation>Vertragsverstöße nach Quelle, Vertrag und Feld</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>a day on a chart&apos;s axis</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>%1–%2 %</source>
        <comment>a range of percentages</comment>
        <translation>%1–%2 %</translation>
    </message>
    <message>
        <source>Post-handoff conversion within 30 days, by scoring version</source>
        <translation>Konversion binnen 30 Tagen nach der Übergabe, je Scoring-Version</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(nicht erfasst)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n approved)</source>
        <translation>
            <numerusform>%1 (%n freigegeben)</numerusform>
            <numerusform>%1 (%n freigegeben)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>Kommentiert</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>Neu zugewiesen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Sent to the pipeline again</source>
        <translation>Erneut an die Pipeline gesendet</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Approval undone</source>
        <translation>Freigabe rückgängig gemacht</translation>
    </message>
    <message>
        <source>Approve as is</source>
        <translation>Unverändert freigeben</translation>
    </message>
    <message>
        <source>Approve with edits</source>
        <translation>Mit Änderungen freigeben</translation>
    </message>
    <message>
        <source>Return to the rep</source>
        <translation>An den Vertrieb zurückgeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Fit unclear</source>
        <translation>Passung unklar</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>Strategic account</source>
        <translation>Strategischer Account</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Not a fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <source>Bad data</source>
        <translation>Fehlerhafte Daten</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Keine Einwilligung</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Existing customer</source>
        <translation>Bestandskunde</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Marketing ops</source>
        <translation>Marketing Ops</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Salesforce</source>
        <translation>Salesforce</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>JSONL file</source>
        <translation>JSONL-Datei</translation>
    </message>
    <message>
        <source>Not evaluated yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
    <message>
        <source>Briefed</source>
        <translation>Briefing erstellt</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>Nicht qualifiziert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
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
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Scoring versions fitted on the team&apos;s leads: their figures, calibration and features, the canary, promotion and roll back.</source>
        <translation>Auf den Leads des Teams angepasste Scoring-Versionen: ihre Kennzahlen, Kalibrierung und Merkmale, der Canary, Freigabe und Zurückrollen.</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Escalate brief</source>
        <translation>Briefing eskalieren</translation>
    </message>
    <message>
        <source>The owner&apos;s manager</source>
        <translation>Führungskraft des Zuständigen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Comment on this brief:</source>
        <translation>Kommentar zu diesem Briefing:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>baton::app::ThreadedCrmConnection</name>
    <message>
        <source>%1: not tried, %2</source>
        <translation>%1: nicht versucht, %2</translation>
    </message>
    <message>
        <source>Connected to %1: %2</source>
        <translation>Verbunden mit %1: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
</context>
<context>
    <name>baton::ui</name>
    <message>
        <source>%n d</source>
        <translation>%n T.</translation>
    </message>
    <message>
        <source>%n h</source>
        <translation>%n h</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>heute %1</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
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
    <name>baton::ui::ApprovalGraceSetting</name>
    <message>
        <source> seconds</source>
        <translation> Sekunden</translation>
    </message>
    <message>
        <source>not at all</source>
        <translation>gar nicht</translation>
    </message>
    <message>
        <source>CRM operations of an approval wait this long, so it can be undone (Ctrl+Z in the Inbox, `baton review undo`).</source>
        <translation>Die CRM-Vorgänge einer Freigabe warten so lange, damit sie rückgängig gemacht werden kann (Ctrl+Z im Posteingang, `baton review undo`).</translation>
    </message>
    <message>
        <source>Marketing ops and admins set this for the whole store.</source>
        <translation>Marketing Ops und Admins legen dies für den ganzen Datenspeicher fest.</translation>
    </message>
    <message>
        <source>Could not read the setting: %1</source>
        <translation>Die Einstellung konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved: approvals from now on can be undone for %n second(s).</source>
        <translation>
            <numerusform>Gespeichert: Freigaben können ab jetzt %n Sekunde lang rückgängig gemacht werden.</numerusform>
            <numerusform>Gespeichert: Freigaben können ab jetzt %n Sekunden lang rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::ArrivalWatch</name>
    <message>
        <source>Baton</source>
        <translation>Baton</translation>
    </message>
    <message numerus="yes">
        <source>%n new brief(s) for you to review</source>
        <translation>
            <numerusform>%n neues Briefing zur Prüfung für Sie</numerusform>
            <numerusform>%n neue Briefings zur Prüfung für Sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::ui::AuditPage</name>
    <message>
        <source>Actor (email)</source>
        <translation>Akteur (E-Mail)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Brief id</source>
        <translation>Briefing-Nr.</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>OS-Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message numerus="yes">
        <source>Chain verified: %n entries, every link intact.</source>
        <translation>
            <numerusform>Kette geprüft: %n Eintrag, jedes Glied intakt.</numerusform>
            <numerusform>Kette geprüft: %n Einträge, jedes Glied intakt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain BROKEN at entry %1: %2</source>
        <translation>Kette GEBROCHEN bei Eintrag %1: %2</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>jeder Tag</translation>
    </message>
    <message>
        <source>From this day (UTC)</source>
        <translation>Ab diesem Tag (UTC)</translation>
    </message>
    <message>
        <source>Up to and including this day (UTC)</source>
        <translation>Bis einschließlich dieses Tages (UTC)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>The audit log is for managers, marketing ops and admins.</source>
        <translation>Das Audit-Protokoll ist für Manager, Marketing Ops und Admins.</translation>
    </message>
    <message>
        <source>The audit log is for managers, marketing ops and admins: choose such a profile in Settings to read it.</source>
        <translation>Das Audit-Protokoll ist für Manager, Marketing Ops und Admins: Wählen Sie in den Einstellungen ein solches Profil, um es zu lesen.</translation>
    </message>
    <message>
        <source>No entries match these filters. Clear them to see the whole log.</source>
        <translation>Keine Einträge passen zu diesen Filtern. Setzen Sie sie zurück, um das ganze Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>The audit log is empty. Every approval, edit, escalation, import and push is recorded here.</source>
        <translation>Das Audit-Protokoll ist leer. Jede Freigabe, Bearbeitung, Eskalation, jeder Import und jede Übertragung wird hier festgehalten.</translation>
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
    <name>baton::ui::BriefContact</name>
    <message>
        <source>Copy e-mail</source>
        <translation>E-Mail kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy phone</source>
        <translation>Telefonnummer kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Open in the CRM</source>
        <translation>Im CRM öffnen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 copied: %2</source>
        <translation>%1 kopiert: %2</translation>
    </message>
    <message>
        <source>Open in %1</source>
        <translation>In %1 öffnen</translation>
    </message>
</context>
<context>
    <name>baton::ui::BriefView</name>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Herleitung</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No brief selected</source>
        <translation>Kein Briefing ausgewählt</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Band %1 · score %2 (fit %3, engagement %4) · SLA %5 · %6 · version %7%8</source>
        <translation>Band %1 · Score %2 (Passung %3, Engagement %4) · SLA %5 · %6 · Version %7%8</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · bearbeitet</translation>
    </message>
    <message>
        <source>Intent signals</source>
        <translation>Kaufsignale</translation>
    </message>
    <message>
        <source>Recommended actions</source>
        <translation>Empfohlene Schritte</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Gesprächspunkte</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risiken</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>Completeness %1%; missing: %2</source>
        <translation>Vollständigkeit %1 %; fehlt: %2</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>The record is no longer in the store</source>
        <translation>Der Datensatz ist nicht mehr im Speicher</translation>
    </message>
    <message>
        <source>The record changed since the brief was made</source>
        <translation>Der Datensatz hat sich seit der Erstellung des Briefings geändert</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
    <message>
        <source>Raises the score</source>
        <translation>Erhöht den Score</translation>
    </message>
    <message>
        <source>Lowers the score</source>
        <translation>Senkt den Score</translation>
    </message>
    <message>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Completeness %1%, nothing missing</source>
        <translation>Vollständigkeit %1 %, nichts fehlt</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>In %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n CRM operation(s) waiting</source>
        <translation>
            <numerusform>%n CRM-Vorgang wartet</numerusform>
            <numerusform>%n CRM-Vorgänge warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CRM operation(s) failed or cancelled (see Outbox)</source>
        <translation>
            <numerusform>%n CRM-Vorgang fehlgeschlagen oder abgebrochen (siehe Postausgang)</numerusform>
            <numerusform>%n CRM-Vorgänge fehlgeschlagen oder abgebrochen (siehe Postausgang)</numerusform>
        </translation>
    </message>
    <message>
        <source>lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, due %2
%3</source>
        <translation>%1, fällig %2
%3</translation>
    </message>
    <message>
        <source>%1, %2
%3</source>
        <translation>%1, %2
%3</translation>
    </message>
</context>
<context>
    <name>baton::ui::BulkReview</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>not done: stopped</source>
        <translation>nicht ausgeführt: angehalten</translation>
    </message>
    <message>
        <source>Reassigned %1 of %2 to %3</source>
        <translation>%1 von %2 neu zugewiesen an %3</translation>
    </message>
    <message>
        <source>Approved %1 of %2</source>
        <translation>%1 von %2 freigegeben</translation>
    </message>
    <message numerus="yes">
        <source>; %n refused: %1</source>
        <translation>
            <numerusform>; %n verweigert: %1</numerusform>
            <numerusform>; %n verweigert: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::ui::ContractsPage</name>
    <message>
        <source>Contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deprecated since</source>
        <translation>Veraltet seit</translation>
    </message>
    <message>
        <source>Sunset at</source>
        <translation>Abgeschaltet am</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Wechseln zu</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <source>Field it does not declare</source>
        <translation>Nicht deklariertes Feld</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verstöße</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Drift: fields records brought that their contract does not declare</source>
        <translation>Drift: Felder, die Datensätze mitbrachten und ihr Vertrag nicht deklariert</translation>
    </message>
    <message>
        <source>Violations per field and day</source>
        <translation>Verstöße pro Feld und Tag</translation>
    </message>
    <message>
        <source>The contracts could not be read: %1</source>
        <translation>Die Verträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lese…</translation>
    </message>
    <message>
        <source>%1 contract versions, %2 undeclared fields seen, %3 field violations by day</source>
        <translation>%1 Vertragsversionen, %2 nicht deklarierte Felder gesehen, %3 Feldverstöße nach Tag</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Sunset</source>
        <translation>Abgeschaltet</translation>
    </message>
    <message>
        <source>Records checked that day</source>
        <translation>An dem Tag geprüfte Datensätze</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Quote</translation>
    </message>
</context>
<context>
    <name>baton::ui::DashboardPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>The KPIs could not be computed: %1</source>
        <translation>Die Kennzahlen konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this chart as an image</source>
        <translation>Dieses Diagramm als Bild speichern</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save this chart&apos;s numbers</source>
        <translation>Die Zahlen dieses Diagramms speichern</translation>
    </message>
    <message>
        <source>%1: never</source>
        <translation>%1: nie</translation>
    </message>
    <message>
        <source>%1: last at %2, %3 h late</source>
        <translation>%1: zuletzt %2, %3 h überfällig</translation>
    </message>
    <message>
        <source>Not arrived in time: %1</source>
        <translation>Nicht rechtzeitig eingetroffen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2: %n brief(s), computed in %3 ms</source>
        <translation>
            <numerusform>%1 bis %2: %n Brief, berechnet in %3 ms</numerusform>
            <numerusform>%1 bis %2: %n Briefs, berechnet in %3 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>Diagrammdaten als CSV speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Nothing happened in this period: no briefs, reviews or CRM operations. The dashboard fills as the pipeline runs (Data &gt; Run, or `baton run`) and briefs are reviewed; choose a longer period to look further back.</source>
        <translation>In diesem Zeitraum ist nichts geschehen: keine Briefings, Prüfungen oder CRM-Vorgänge. Die Übersicht füllt sich, sobald die Pipeline läuft (Daten &gt; Ausführen oder `baton run`) und Briefings geprüft werden; wählen Sie einen längeren Zeitraum, um weiter zurückzublicken.</translation>
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
    <message>
        <source>No imports yet. Import a HubSpot, Marketo or JSONL file (Ctrl+I), or drop files into the sync folder; `baton demo` makes a demo store with data.</source>
        <translation>Noch keine Importe. Importieren Sie eine HubSpot-, Marketo- oder JSONL-Datei (Ctrl+I) oder legen Sie Dateien im Sync-Ordner ab; `baton demo` erstellt einen Demo-Speicher mit Daten.</translation>
    </message>
    <message>
        <source>No quarantined records to show. A record that does not meet its contract is kept here with its exact errors; clear the filter or show all batches if you expected some.</source>
        <translation>Keine Datensätze in Quarantäne. Ein Datensatz, der seinen Vertrag nicht erfüllt, wird hier mit seinen genauen Fehlern aufbewahrt; leeren Sie den Filter oder zeigen Sie alle Stapel, falls Sie welche erwartet haben.</translation>
    </message>
</context>
<context>
    <name>baton::ui::EditBriefDialog</name>
    <message>
        <source>Edit brief</source>
        <translation>Briefing bearbeiten</translation>
    </message>
    <message>
        <source>Why this edit (required)</source>
        <translation>Grund der Änderung (Pflicht)</translation>
    </message>
    <message>
        <source>Summary sentences, recommended actions and profile values can be edited; the rest is the pipeline&apos;s record.</source>
        <translation>Bearbeitbar sind die Sätze der Zusammenfassung, die empfohlenen Schritte und die Profilwerte; der Rest ist der Nachweis der Pipeline.</translation>
    </message>
    <message>
        <source>Cannot be saved:
%1</source>
        <translation>Kann nicht gespeichert werden:
%1</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Intent signal</source>
        <translation>Kaufsignal</translation>
    </message>
    <message>
        <source>Talking point</source>
        <translation>Gesprächspunkt</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Recommended action</source>
        <translation>Empfohlener Schritt</translation>
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
    <name>baton::ui::InboxPage</name>
    <message>
        <source>No user profile “%1” in this store: the inbox is read-only.</source>
        <translation>Kein Benutzerprofil „%1“ in diesem Speicher: Der Posteingang ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Acting as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Choose who you are in Settings, or start Baton with --user NAME; until then the inbox is read-only.</source>
        <translation>Wählen Sie in den Einstellungen, wer Sie sind, oder starten Sie Baton mit --user NAME; bis dahin ist der Posteingang schreibgeschützt.</translation>
    </message>
    <message numerus="yes">
        <source>%n brief(s)</source>
        <translation>
            <numerusform>%n Briefing</numerusform>
            <numerusform>%n Briefings</numerusform>
        </translation>
    </message>
    <message>
        <source>Search briefs, people, companies (/)</source>
        <translation>Briefings, Personen, Firmen suchen (/)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle Zuständigen</translation>
    </message>
    <message>
        <source>All bands</source>
        <translation>Alle Bänder</translation>
    </message>
    <message>
        <source>Band %1</source>
        <translation>Band %1</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Nur überfällige</translation>
    </message>
    <message>
        <source>Next brief</source>
        <translation>Nächstes Briefing</translation>
    </message>
    <message>
        <source>Previous brief</source>
        <translation>Vorheriges Briefing</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Kommentieren…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Eskalieren…</translation>
    </message>
    <message>
        <source>Approve as is</source>
        <translation>Unverändert freigeben</translation>
    </message>
    <message>
        <source>Approve with edits…</source>
        <translation>Mit Änderungen freigeben…</translation>
    </message>
    <message>
        <source>Return to the rep…</source>
        <translation>An den Vertrieb zurückgeben…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Only managers resolve escalations.</source>
        <translation>Nur Führungskräfte erledigen Eskalationen.</translation>
    </message>
    <message numerus="yes">
        <source>Indexing briefs for search: %n to go</source>
        <translation>
            <numerusform>Briefings werden für die Suche indiziert: noch %n</numerusform>
            <numerusform>Briefings werden für die Suche indiziert: noch %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Search index: %1</source>
        <translation>Suchindex: %1</translation>
    </message>
    <message>
        <source>Could not open the brief: %1</source>
        <translation>Das Briefing konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Someone acted first</source>
        <translation>Jemand war schneller</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>Edit saved</source>
        <translation>Änderung gespeichert</translation>
    </message>
    <message>
        <source>Return to the rep</source>
        <translation>An den Vertrieb zurückgeben</translation>
    </message>
    <message>
        <source>Reject the brief</source>
        <translation>Briefing ablehnen</translation>
    </message>
    <message>
        <source>Comment saved</source>
        <translation>Kommentar gespeichert</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>Neu zuweisen…</translation>
    </message>
    <message>
        <source>Reassigned to %1</source>
        <translation>Neu zugewiesen an %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Could not read the managers: %1</source>
        <translation>Die Führungskräfte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Re-run the pipeline for the lead</source>
        <translation>Pipeline für den Lead erneut ausführen</translation>
    </message>
    <message>
        <source>Re-running the pipeline for lead #%1…</source>
        <translation>Pipeline für Lead #%1 läuft erneut…</translation>
    </message>
    <message>
        <source>Brief #%1 replaces #%2</source>
        <translation>Brief #%1 ersetzt #%2</translation>
    </message>
    <message>
        <source>Nothing has changed for lead #%1 since brief #%2 was made: the same inputs, agents and policy give the same brief. It stays escalated.</source>
        <translation>Für Lead #%1 hat sich seit Brief #%2 nichts geändert: Dieselben Eingaben, Agenten und Richtlinien ergeben denselben Brief. Er bleibt eskaliert.</translation>
    </message>
    <message>
        <source>Lead #%1 no longer qualifies for a brief. Brief #%2 stays escalated.</source>
        <translation>Lead #%1 qualifiziert sich nicht mehr für einen Brief. Brief #%2 bleibt eskaliert.</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Re-run failed</source>
        <translation>Erneute Ausführung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The pipeline could not re-run lead #%1: %2</source>
        <translation>Die Pipeline konnte Lead #%1 nicht erneut ausführen: %2</translation>
    </message>
    <message>
        <source>Retract (take back from the CRM)…</source>
        <translation>Zurückziehen (aus dem CRM zurücknehmen)…</translation>
    </message>
    <message>
        <source>Retract the brief</source>
        <translation>Brief zurückziehen</translation>
    </message>
    <message>
        <source>Retracted: what reached the CRM will be undone</source>
        <translation>Zurückgezogen: Was das CRM erreicht hat, wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Show its lineage</source>
        <translation>Herkunft anzeigen</translation>
    </message>
    <message>
        <source>You may not act as “%1” on this store: %2. The inbox is read-only.</source>
        <translation>Sie dürfen in diesem Speicher nicht als „%1“ handeln: %2. Der Posteingang ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Who acts could not be checked: %1</source>
        <translation>Wer handelt, konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Reassign the brief</source>
        <translation>Briefing neu zuweisen</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>No escalations. Briefs that an agent or a rep escalates wait here for a manager; widen the filters if you expected some.</source>
        <translation>Keine Eskalationen. Briefings, die ein Agent oder der Vertrieb eskaliert, warten hier auf eine Führungskraft; erweitern Sie die Filter, falls Sie welche erwartet haben.</translation>
    </message>
    <message>
        <source>No briefs to review. Briefs appear after a pipeline run (Data &gt; Run, or `baton run`); if you filtered the list, widen the filters.</source>
        <translation>Keine Briefings zu prüfen. Briefings erscheinen nach einem Pipeline-Lauf (Daten &gt; Ausführen oder `baton run`); falls Sie die Liste gefiltert haben, erweitern Sie die Filter.</translation>
    </message>
    <message>
        <source>Undo the approval</source>
        <translation>Freigabe rückgängig machen</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird freigegeben…</translation>
    </message>
    <message>
        <source>Approval of brief #%1 undone: nothing went to the CRM</source>
        <translation>Freigabe von Briefing #%1 rückgängig gemacht: Nichts wurde an das CRM gesendet</translation>
    </message>
    <message>
        <source>Not all done</source>
        <translation>Nicht alles ausgeführt</translation>
    </message>
    <message>
        <source>Reassign the selected briefs</source>
        <translation>Ausgewählte Briefings neu zuweisen</translation>
    </message>
    <message>
        <source>Reassigning…</source>
        <translation>Wird neu zugewiesen…</translation>
    </message>
    <message>
        <source>My day: %1</source>
        <translation>Mein Tag: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::InboxTableModel</name>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n T.</numerusform>
            <numerusform>%n T.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Could not read briefs: %1</source>
        <translation>Briefings konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Made %1</source>
        <translation>Erstellt %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::LineagePage</name>
    <message>
        <source>source file</source>
        <translation>Quelldatei</translation>
    </message>
    <message>
        <source>ingest batch</source>
        <translation>Import-Batch</translation>
    </message>
    <message>
        <source>record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>events (grouped; double-click to open)</source>
        <translation>Ereignisse (gruppiert; Doppelklick öffnet)</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>agent step</source>
        <translation>Agentenschritt</translation>
    </message>
    <message>
        <source>brief field</source>
        <translation>Brief-Feld</translation>
    </message>
    <message>
        <source>outbox operation</source>
        <translation>Outbox-Vorgang</translation>
    </message>
    <message>
        <source>CRM object</source>
        <translation>CRM-Objekt</translation>
    </message>
    <message>
        <source>&amp;Show lineage</source>
        <translation>Herkunft &amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;An Fenster anpassen</translation>
    </message>
    <message>
        <source>Click a node to see where it came from. Select a brief field to keep only what it rests on.</source>
        <translation>Klicken Sie auf einen Knoten, um zu sehen, woher er stammt. Wählen Sie ein Brief-Feld, um nur das zu behalten, worauf es beruht.</translation>
    </message>
    <message>
        <source>No lineage: %1</source>
        <translation>Keine Herkunft: %1</translation>
    </message>
    <message>
        <source>Brief #%1: %2 inputs (%3 records, %4 groups of events), %5 nodes</source>
        <translation>Brief #%1: %2 Eingaben (%3 Datensätze, %4 Ereignisgruppen), %5 Knoten</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Lead (its newest brief)</source>
        <translation>Lead (sein neuester Brief)</translation>
    </message>
    <message>
        <source>Lead #%1 has no brief yet.</source>
        <translation>Lead #%1 hat noch keinen Brief.</translation>
    </message>
    <message>
        <source>%1 may read only briefs they own or acted on; brief #%2 is not one of them.</source>
        <translation>%1 darf nur eigene Briefs lesen oder solche, an denen er gearbeitet hat; Brief #%2 gehört nicht dazu.</translation>
    </message>
    <message>
        <source>Choose who you are in Settings to read lineage.</source>
        <translation>Wählen Sie in den Einstellungen, wer Sie sind, um die Herkunft zu sehen.</translation>
    </message>
    <message>
        <source>Raw &amp;JSON</source>
        <translation>Roh-&amp;JSON</translation>
    </message>
    <message>
        <source>Show the node&apos;s details as stored</source>
        <translation>Die Details des Knotens so zeigen, wie sie gespeichert sind</translation>
    </message>
    <message>
        <source>Lineage shows where a brief came from: the source files and records it rests on, the agent steps that read them, and what reached the CRM. Pick one of the newest briefs below (Enter), type a brief or lead number above, or press L on a brief in the Inbox.</source>
        <translation>Die Herkunft zeigt, woher ein Briefing stammt: die Quelldateien und Datensätze, auf denen es beruht, die Agentenschritte, die sie gelesen haben, und was das CRM erreicht hat. Wählen Sie unten eines der neuesten Briefings (Enter), geben Sie oben eine Briefing- oder Lead-Nummer ein, oder drücken Sie L auf einem Briefing im Posteingang.</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Time: %1 (%2)</source>
        <translation>Zeit: %1 (%2)</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>#%1  %2, %3 · %4 · %5 · %6</source>
        <translation>#%1  %2, %3 · %4 · %5 · %6</translation>
    </message>
    <message>
        <source>The briefs could not be read: %1</source>
        <translation>Die Briefings konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No briefs yet: they appear after a pipeline run (Data &gt; Run, or `baton run`), and their lineage with them.</source>
        <translation>Noch keine Briefings: Sie erscheinen nach einem Pipeline-Lauf (Daten &gt; Ausführen oder `baton run`) und mit ihnen ihre Herkunft.</translation>
    </message>
    <message>
        <source>Choose a brief to see its lineage.</source>
        <translation>Wählen Sie ein Briefing, um seine Herkunft zu sehen.</translation>
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
    <message>
        <source>Baton — %1 (demo store: act as any demo profile)</source>
        <translation>Baton — %1 (Demo-Speicher: Handeln als beliebiges Demo-Profil)</translation>
    </message>
    <message>
        <source>Baton — %1 (%2) — demo store</source>
        <translation>Baton — %1 (%2) — Demo-Speicher</translation>
    </message>
    <message>
        <source>Baton — %1 (%2) — %3</source>
        <translation>Baton — %1 (%2) — %3</translation>
    </message>
</context>
<context>
    <name>baton::ui::ModelVersionsModel</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Canary on %1</source>
        <translation>Canary auf %1</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Fitted (logistic)</source>
        <translation>Angepasst (logistisch)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation>Angepasst</translation>
    </message>
    <message>
        <source>Held-out AUC</source>
        <translation>AUC (zurückgehalten)</translation>
    </message>
    <message>
        <source>Baseline AUC</source>
        <translation>AUC Vergleichswert</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>Log-Loss</translation>
    </message>
    <message>
        <source>Brier</source>
        <translation>Brier</translation>
    </message>
    <message>
        <source>Leads fitted</source>
        <translation>Angepasste Leads</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Qualifies</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>baton::ui::ModelsPage</name>
    <message>
        <source>Feature</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Importance (points)</source>
        <translation>Bedeutung (Punkte)</translation>
    </message>
    <message>
        <source>Held-out AUC alone</source>
        <translation>AUC allein (zurückgehalten)</translation>
    </message>
    <message>
        <source>The scoring versions could not be read: %1</source>
        <translation>Die Scoring-Versionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>The share of leads the canary sends to the selected version (0 ends the canary)</source>
        <translation>Der Anteil der Leads, den der Canary an die gewählte Version schickt (0 beendet den Canary)</translation>
    </message>
    <message>
        <source>&amp;Canary</source>
        <translation>&amp;Canary</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Roll &amp;back</source>
        <translation>&amp;Zurückrollen</translation>
    </message>
    <message>
        <source>Score the canary&apos;s share of leads with the selected version (Ctrl+Shift+C)</source>
        <translation>Den Canary-Anteil der Leads mit der gewählten Version bewerten (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Make the selected version the one every run scores with (Ctrl+Shift+P)</source>
        <translation>Die gewählte Version zu der machen, mit der jeder Lauf bewertet (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Go back to the version live before this one (Ctrl+Shift+B)</source>
        <translation>Zur Version zurückkehren, die davor live war (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Canary share:</source>
        <translation>Canary-Anteil:</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>Live: %1</translation>
    </message>
    <message>
        <source>the policy&apos;s points</source>
        <translation>die Punkte der Richtlinie</translation>
    </message>
    <message>
        <source>; canary %1 on %2 of leads</source>
        <translation>; Canary %1 auf %2 der Leads</translation>
    </message>
    <message>
        <source>No scoring version fitted yet: baton model fit --additive</source>
        <translation>Noch keine Scoring-Version angepasst: baton model fit --additive</translation>
    </message>
    <message>
        <source>Scoring version</source>
        <translation>Scoring-Version</translation>
    </message>
    <message>
        <source>Rolled back the live scoring version</source>
        <translation>Die live Scoring-Version wurde zurückgerollt</translation>
    </message>
    <message>
        <source>%1 is live: every run scores with it</source>
        <translation>%1 ist live: jeder Lauf bewertet damit</translation>
    </message>
    <message>
        <source>%1 scores %2 of leads</source>
        <translation>%1 bewertet %2 der Leads</translation>
    </message>
</context>
<context>
    <name>baton::ui::MyDayStrip</name>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n heute fällig</numerusform>
            <numerusform>%n heute fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n returned to me</source>
        <translation>
            <numerusform>%n an mich zurückgegeben</numerusform>
            <numerusform>%n an mich zurückgegeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since my last visit</source>
        <translation>
            <numerusform>%n neu seit meinem letzten Besuch</numerusform>
            <numerusform>%n neu seit meinem letzten Besuch</numerusform>
        </translation>
    </message>
    <message>
        <source>My day:</source>
        <translation>Mein Tag:</translation>
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
    <name>baton::ui::OutboxPage</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut senden</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Abbrechen…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Select an operation to see its last request and answer.</source>
        <translation>Wählen Sie einen Vorgang, um seine letzte Anfrage und Antwort zu sehen.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Acting as %1: you may retry and cancel operations.</source>
        <translation>Angemeldet als %1: Sie dürfen Vorgänge erneut senden und abbrechen.</translation>
    </message>
    <message>
        <source>Marketing ops and admins retry and cancel operations; this view is read-only for you.</source>
        <translation>Marketing Ops und Admins senden Vorgänge erneut oder brechen sie ab; für Sie ist diese Ansicht schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 waiting, %2 failed, %3 done, %4 cancelled</source>
        <translation>%1 wartend, %2 fehlgeschlagen, %3 erledigt, %4 abgebrochen</translation>
    </message>
    <message>
        <source>Operation #%1 for brief #%2</source>
        <translation>Vorgang #%1 für Brief #%2</translation>
    </message>
    <message>
        <source>What the CRM is to receive:</source>
        <translation>Was das CRM erhalten soll:</translation>
    </message>
    <message>
        <source>Last request:</source>
        <translation>Letzte Anfrage:</translation>
    </message>
    <message>
        <source>Last answer:</source>
        <translation>Letzte Antwort:</translation>
    </message>
    <message>
        <source>Operation #%1 is due now</source>
        <translation>Vorgang #%1 ist jetzt fällig</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Cancel operation #%1</source>
        <translation>Vorgang #%1 abbrechen</translation>
    </message>
    <message>
        <source>Operation #%1 cancelled</source>
        <translation>Vorgang #%1 abgebrochen</translation>
    </message>
    <message>
        <source>Push now</source>
        <translation>Jetzt übertragen</translation>
    </message>
    <message>
        <source>The console pushes nowhere: set HubSpot&apos;s URL in Settings, or run `baton push`.</source>
        <translation>Die Konsole überträgt nirgendwohin: Tragen Sie die HubSpot-URL in den Einstellungen ein oder rufen Sie `baton push` auf.</translation>
    </message>
    <message>
        <source>Pushing to %1…</source>
        <translation>Übertrage an %1…</translation>
    </message>
    <message>
        <source>Pushes to %1 every minute.</source>
        <translation>Überträgt jede Minute an %1.</translation>
    </message>
    <message>
        <source>Pushed: %1 done, %2 failed, %3 waiting</source>
        <translation>Übertragen: %1 erledigt, %2 fehlgeschlagen, %3 wartend</translation>
    </message>
    <message>
        <source>The outbox covers every brief: it is for managers, marketing ops and admins.</source>
        <translation>Der Postausgang umfasst alle Briefs: Er ist für Manager, Marketing Ops und Admins.</translation>
    </message>
    <message>
        <source>No operations with this status. Choose &quot;All&quot; to see every operation.</source>
        <translation>Keine Vorgänge mit diesem Status. Wählen Sie „Alle“, um alle Vorgänge zu sehen.</translation>
    </message>
    <message>
        <source>No CRM operations yet. Approving a brief queues its operations here; Push now (P) or `baton push` sends them to the CRM.</source>
        <translation>Noch keine CRM-Vorgänge. Wird ein Briefing freigegeben, landen seine Vorgänge hier; „Jetzt übertragen“ (P) oder `baton push` sendet sie an das CRM.</translation>
    </message>
    <message>
        <source>The last push could not run: %1</source>
        <translation>Die letzte Übertragung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>The push could not run; the Outbox page says why.</source>
        <translation>Die Übertragung konnte nicht ausgeführt werden; die Seite Postausgang nennt den Grund.</translation>
    </message>
</context>
<context>
    <name>baton::ui::OutboxTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>abgebrochen: %1</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>CRM id</source>
        <translation>CRM-ID</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Could not read the outbox: %1</source>
        <translation>Der Postausgang konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Close task</source>
        <translation>Aufgabe schließen</translation>
    </message>
    <message>
        <source>Retract note</source>
        <translation>Notiz zurückziehen</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>JSONL line</source>
        <translation>JSONL-Zeile</translation>
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
<context>
    <name>baton::ui::SettingsPage</name>
    <message>
        <source>Nobody (read-only)</source>
        <translation>Niemand (nur lesen)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>The user profiles could not be read: %1</source>
        <translation>Die Benutzerprofile konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Act as</source>
        <translation>Handeln als</translation>
    </message>
    <message>
        <source>Review actions are recorded under this profile and the account you are logged in with. `baton --user NAME` chooses for one session.</source>
        <translation>Prüfaktionen werden unter diesem Profil und dem angemeldeten Konto festgehalten. `baton --user NAME` wählt für eine Sitzung.</translation>
    </message>
    <message>
        <source>Push approved briefs to HubSpot at</source>
        <translation>Freigegebene Briefs an HubSpot übertragen unter</translation>
    </message>
    <message>
        <source>connected app consumer key</source>
        <translation>Consumer Key der Connected App</translation>
    </message>
    <message>
        <source>/path/to/briefs.jsonl</source>
        <translation>/pfad/zu/briefs.jsonl</translation>
    </message>
    <message>
        <source>… or to Salesforce at</source>
        <translation>… oder an Salesforce unter</translation>
    </message>
    <message>
        <source>Salesforce client id</source>
        <translation>Salesforce-Client-ID</translation>
    </message>
    <message>
        <source>Deliver to the webhook at</source>
        <translation>An den Webhook zustellen unter</translation>
    </message>
    <message>
        <source>Append to the JSONL file</source>
        <translation>An die JSONL-Datei anhängen</translation>
    </message>
    <message>
        <source>Empty: the console does not push there (`baton push` still can). Credentials stay in the OS keychain: `baton secret set hubspot-token`, `salesforce-refresh-token`, `webhook-secret`. The webhook and the JSONL file get briefs once `baton outbox enable webhook|jsonl` turned them on.</source>
        <translation>Leer: Die Konsole überträgt nicht dorthin (`baton push` kann es weiterhin). Zugangsdaten bleiben im Schlüsselbund des Systems: `baton secret set hubspot-token`, `salesforce-refresh-token`, `webhook-secret`. Webhook und JSONL-Datei erhalten Briefs, sobald `baton outbox enable webhook|jsonl` sie eingeschaltet hat.</translation>
    </message>
    <message>
        <source>&amp;Keep credentials</source>
        <translation>Zugangsdaten &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Approvals can be undone for</source>
        <translation>Frist zum Rückgängigmachen von Freigaben</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>HubSpot access token</source>
        <translation>HubSpot-Zugriffstoken</translation>
    </message>
    <message>
        <source>Salesforce refresh token</source>
        <translation>Salesforce-Refresh-Token</translation>
    </message>
    <message>
        <source>Credentials are kept with `baton secret set NAME`.</source>
        <translation>Zugangsdaten werden mit `baton secret set NAME` gespeichert.</translation>
    </message>
    <message>
        <source>%1 was not kept: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>%1 kept in %2</source>
        <translation>%1 gespeichert in %2</translation>
    </message>
    <message>
        <source>Type a token first: empty fields leave what is kept as it is.</source>
        <translation>Geben Sie zuerst ein Token ein: Leere Felder lassen bereits Gespeichertes unverändert.</translation>
    </message>
    <message>
        <source>No CRM to test: set HubSpot&apos;s or Salesforce&apos;s URL first.</source>
        <translation>Kein CRM zum Testen: Tragen Sie zuerst die URL von HubSpot oder Salesforce ein.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <source>Team database</source>
        <translation>Team-Datenbank</translation>
    </message>
    <message>
        <source>The console opens it from its next start, as your own database login; --store and BATON_STORE come first. Empty: this computer&apos;s store file.</source>
        <translation>Die Konsole öffnet sie ab dem nächsten Start, mit Ihrer eigenen Datenbankanmeldung; --store und BATON_STORE haben Vorrang. Leer: die Speicherdatei dieses Computers.</translation>
    </message>
    <message>
        <source>Not kept: a team database is a postgresql:// address or service=NAME.</source>
        <translation>Nicht übernommen: Eine Team-Datenbank ist eine postgresql://-Adresse oder service=NAME.</translation>
    </message>
    <message>
        <source>Kept: the console opens this computer&apos;s store file from its next start.</source>
        <translation>Übernommen: Die Konsole öffnet ab dem nächsten Start die Speicherdatei dieses Computers.</translation>
    </message>
    <message>
        <source>Kept: the console opens the team database from its next start.</source>
        <translation>Übernommen: Die Konsole öffnet ab dem nächsten Start die Team-Datenbank.</translation>
    </message>
    <message>
        <source>Password, if the server asks for one: kept in the OS keychain (Enter)</source>
        <translation>Passwort, falls der Server eines verlangt: im Schlüsselbund des Systems gespeichert (Eingabe)</translation>
    </message>
    <message>
        <source>The password was not kept: %1</source>
        <translation>Das Passwort wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The password is kept in %1; the console uses it from its next start, where ~/.pgpass has none.</source>
        <translation>Das Passwort ist in %1 gespeichert; die Konsole verwendet es ab dem nächsten Start, wo ~/.pgpass keines enthält.</translation>
    </message>
    <message>
        <source>Not kept: the address holds a password. Type it in the password field (the OS keychain keeps it) or put it in ~/.pgpass, and leave it out of the address.</source>
        <translation>Nicht gespeichert: Die Adresse enthält ein Passwort. Geben Sie es im Passwortfeld ein (der Schlüsselbund des Systems speichert es) oder legen Sie es in ~/.pgpass ab, und lassen Sie es aus der Adresse weg.</translation>
    </message>
</context>
<context>
    <name>baton::ui::ShapeCharts</name>
    <message>
        <source>Calibration on the held-out leads</source>
        <translation>Kalibrierung auf den zurückgehaltenen Leads</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>kalibriert</translation>
    </message>
    <message>
        <source>observed, by tenth of predicted</source>
        <translation>beobachtet, je Zehntel der Vorhersage</translation>
    </message>
    <message>
        <source>predicted chance</source>
        <translation>vorhergesagte Chance</translation>
    </message>
    <message>
        <source>observed rate</source>
        <translation>beobachtete Rate</translation>
    </message>
    <message>
        <source>Select a feature to see its shape</source>
        <translation>Wählen Sie ein Merkmal, um seine Form zu sehen</translation>
    </message>
    <message>
        <source>%1: score points by value</source>
        <translation>%1: Score-Punkte je Wert</translation>
    </message>
    <message>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>points (20 double the odds)</source>
        <translation>Punkte (20 verdoppeln die Chancen)</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>(other values)</source>
        <translation>(andere Werte)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>unter %1</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>%1 oder mehr</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1: %2 points</source>
        <translation>%1: %2 Punkte</translation>
    </message>
</context>
<context>
    <name>baton::ui::StepTimeline</name>
    <message>
        <source>Enrichment</source>
        <translation>Anreicherung</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Summarization</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Stayed within its scope</source>
        <translation>Im vorgesehenen Rahmen geblieben</translation>
    </message>
    <message>
        <source>Stayed within its scope (%1)</source>
        <translation>Im vorgesehenen Rahmen geblieben (%1)</translation>
    </message>
    <message>
        <source>No escalation criterion met</source>
        <translation>Kein Eskalationskriterium erfüllt</translation>
    </message>
    <message>
        <source>Escalates: %1</source>
        <translation>Eskaliert: %1</translation>
    </message>
    <message>
        <source>Summary grounded in its inputs</source>
        <translation>Zusammenfassung durch die Eingaben belegt</translation>
    </message>
    <message>
        <source>Summary not grounded: %1</source>
        <translation>Zusammenfassung nicht belegt: %1</translation>
    </message>
    <message>
        <source>The brief meets its contract</source>
        <translation>Das Briefing erfüllt seinen Vertrag</translation>
    </message>
    <message numerus="yes">
        <source>%n brief contract error(s)</source>
        <translation>
            <numerusform>%n Verstoß gegen den Briefing-Vertrag</numerusform>
            <numerusform>%n Verstöße gegen den Briefing-Vertrag</numerusform>
        </translation>
    </message>
    <message>
        <source>Show raw</source>
        <translation>Rohdaten zeigen</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed</source>
        <translation>%1 bestanden, %2 nicht bestanden</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Nicht bestanden: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::StoreWatcher</name>
    <message>
        <source>Could not look for changes to the store: %1</source>
        <translation>Der Datenspeicher konnte nicht auf Änderungen geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>baton::ui::UndoBanner</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message numerus="yes">
        <source>Approved brief #%1; its CRM operations wait until the undo period ends. Undo (Ctrl+Z): %n s left.</source>
        <translation>
            <numerusform>Briefing #%1 freigegeben; seine CRM-Vorgänge warten, bis die Frist zum Rückgängigmachen endet. Rückgängig (Ctrl+Z): noch %n s.</numerusform>
            <numerusform>Briefing #%1 freigegeben; seine CRM-Vorgänge warten, bis die Frist zum Rückgängigmachen endet. Rückgängig (Ctrl+Z): noch %n s.</numerusform>
        </translation>
    </message>
</context>
</TS>
