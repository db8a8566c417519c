#include "dock/desk-table.hpp"

#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>

namespace lcs::obs::dock {

QTableWidget *make_table(QWidget *parent, const char *object_name, const QStringList &headers)
{
	auto *table = new QTableWidget(parent);
	table->setObjectName(object_name);
	table->setColumnCount(headers.size());
	table->setHorizontalHeaderLabels(headers);
	table->verticalHeader()->setVisible(false);
	table->setEditTriggers(QAbstractItemView::NoEditTriggers);
	table->setSelectionBehavior(QAbstractItemView::SelectRows);
	table->setSelectionMode(QAbstractItemView::SingleSelection);
	table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
	for (int c = 1; c < headers.size(); ++c)
		table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
	return table;
}

QTableWidgetItem *read_only_cell(const QString &text)
{
	auto *item = new QTableWidgetItem(text);
	item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
	return item;
}

void activate_row_button(QTableWidget *table, int button_column)
{
	QObject::connect(table, &QTableWidget::itemActivated, table, [table, button_column](QTableWidgetItem *item) {
		if (auto *button = qobject_cast<QPushButton *>(table->cellWidget(item->row(), button_column)))
			button->click();
	});
}

} // namespace lcs::obs::dock
