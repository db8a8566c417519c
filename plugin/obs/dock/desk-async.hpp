#pragma once

#include <functional>
#include <utility>

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

// Work off the UI thread with the answer delivered back on it. The watcher belongs to `context`:
// when the widget goes away first, the answer is dropped instead of reaching a dead object.
namespace lcs::obs::dock {

template<typename Result>
void run_async(QThreadPool &pool, QObject *context, std::function<Result()> work, std::function<void(Result)> done)
{
	auto *watcher = new QFutureWatcher<Result>(context);
	QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done = std::move(done)] {
		done(watcher->result());
		watcher->deleteLater();
	});
	watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}

} // namespace lcs::obs::dock
