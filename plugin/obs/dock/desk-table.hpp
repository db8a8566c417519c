#pragma once

#include <QStringList>

class QTableWidget;
class QTableWidgetItem;
class QWidget;

// The desk's tables (shelf, promotions, questions): read-only rows chosen whole, the first
// column stretched, a button in one column that Enter on the row presses.
namespace lcs::obs::dock {

QTableWidget *make_table(QWidget *parent, const char *object_name, const QStringList &headers);
/// A cell the trainee can select but not edit.
QTableWidgetItem *read_only_cell(const QString &text);
/// Enter (or a double click) on a row clicks the button in `button_column` of that row.
void activate_row_button(QTableWidget *table, int button_column);

} // namespace lcs::obs::dock
