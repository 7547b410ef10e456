#pragma once

#include <QList>
#include <QObject>

class QTableView;

namespace baton::ui {

// Keeps every column of a table on screen: the short ones (a band, a score, a status) at
// the width their contents need, the ones holding names squeezed to share what is left,
// elided, down to a floor; only below that floor does the table scroll. Measures what the
// contents need when the model resets, and refits to that when the table is resized (the
// window, the splitter beside it), which is cheap: no row is read again.
class ColumnFit : public QObject
{
    Q_OBJECT

public:
    // `flexible`: the columns that give up width first, in the table's model's numbering.
    ColumnFit(QTableView *table, QList<int> flexible, int floor = 60);

    // What each column's contents need, then fit().
    void measure();
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_table;
    QList<int> m_flexible;
    int m_floor;
    QList<int> m_wanted; // by column, as measured
    bool m_fitting = false;
};

} // namespace baton::ui
