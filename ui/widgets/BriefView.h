#pragma once

#include <QHash>
#include <QString>
#include <QWidget>
#include <cstdint>

class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

class QChartView;

namespace baton::ui {

class BriefContact;
class ConsoleContext;
class StepTimeline;

// One brief: its header with the score's factor bars, its sections sentence by sentence,
// and tabs for the inputs it considered, the agents' reasoning and its review history.
// Recommended actions read as what to do and by when; the lead's contact and CRM record are a
// key away. Sentences wrap; each shows how many sources it cites and opens into them.
// Selecting a sentence highlights the inputs it cites, and an input the sentences citing it.
class BriefView : public QWidget
{
    Q_OBJECT

public:
    // Reads through the context's services; SLAs count down on its clock.
    explicit BriefView(ConsoleContext &context, QWidget *parent = nullptr);

    // Shows the brief as it now reads; 0 clears the view.
    void showBrief(std::int64_t briefId);
    std::int64_t briefId() const { return m_briefId; }
    std::int64_t version() const { return m_version; }

    QTreeWidget *sentences() const { return m_sentences; }
    QTreeWidget *inputs() const { return m_inputs; }
    QTreeWidget *steps() const;
    StepTimeline *timeline() const { return m_timeline; }
    // The lead's e-mail and phone, the CRM record, and their actions.
    BriefContact *contact() const { return m_contact; }
    QTreeWidget *history() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void fillChart(const class QJsonObject &score);
    void showCrm(std::int64_t briefId);
    // `about`: a line on each input, by ref, for the sources a sentence opens into.
    void fillSentences(const class QJsonObject &brief, const QHash<QString, QString> &about);
    void fillHistory(std::int64_t briefId);
    void sentenceSelected();
    void inputSelected();

    ConsoleContext &m_context;
    std::int64_t m_briefId = 0;
    std::int64_t m_version = 0;
    QLabel *m_title;
    QLabel *m_meta;
    BriefContact *m_contact;
    QLabel *m_crm; // what the CRM holds for the brief, once approved
    QChartView *m_chart;
    QTabWidget *m_tabs;
    QTreeWidget *m_sentences;
    QTreeWidget *m_inputs;
    StepTimeline *m_timeline;
    QTreeWidget *m_history;
};

} // namespace baton::ui
