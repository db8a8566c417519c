#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QWidget>

#include "dock/desk-backend.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QThreadPool;
class QTreeWidget;

namespace lcs::obs::library {
class LibraryHub;
struct LibraryState;
} // namespace lcs::obs::library

// The desk's Library tab (issue 12): the team libraries, each with its version, publisher, time
// and message, offline or failed state; adding one (source, trusted keys, credentials that are
// saved and never shown again), removing, updating, choosing its packs for the session, rolling
// back to a kept version. Syncs run on the hub's worker; this panel waits for them on `pool`, never
// on the UI thread, and redraws when the hub's state moved.
namespace lcs::obs::dock {

class LibraryPanel : public QWidget {
public:
	LibraryPanel(DeskBackend &backend, library::LibraryHub *hub, QThreadPool &pool, QWidget *parent = nullptr);

	/// Redraws when a library's state changed (called with the desk's refresh).
	void refresh();
	/// "Use for session": the chosen pack files (under the library's current/) go to the session.
	void on_use_packs(std::function<void(const std::vector<std::string> &)> callback) { use_packs_ = std::move(callback); }

	/// What the buttons do, for the desk and the tests.
	void add_library();
	void update_selected(std::optional<int64_t> version = std::nullopt);
	void remove_selected();
	void use_selected_packs();

private:
	void redraw();
	void show_selected();
	void status(const QString &text, bool problem);
	[[nodiscard]] std::string selected_source() const;
	[[nodiscard]] QString state_line(const library::LibraryState &state) const;
	void choose_key_files();

	DeskBackend &backend_;
	library::LibraryHub *hub_;
	QThreadPool &pool_;
	QTreeWidget *list_ = nullptr;
	QLabel *detail_ = nullptr;
	QLabel *state_ = nullptr;
	QLabel *credentials_ = nullptr;
	QPushButton *update_ = nullptr;
	QPushButton *remove_ = nullptr;
	QTreeWidget *packs_ = nullptr;
	QPushButton *use_ = nullptr;
	QComboBox *versions_ = nullptr;
	QPushButton *rollback_ = nullptr;
	QLineEdit *source_ = nullptr;
	QPlainTextEdit *keys_ = nullptr;
	QLineEdit *user_ = nullptr;
	QLineEdit *password_ = nullptr;
	QLineEdit *token_ = nullptr;
	QPushButton *add_ = nullptr;
	QLabel *status_ = nullptr;
	uint64_t shown_generation_ = 0;
	std::function<void(const std::vector<std::string> &)> use_packs_;
};

/// The trusted keys in a text box: one base64 key line each, from pasted lines or .pub files'
/// text ("untrusted comment:" lines and blank lines skipped).
std::vector<std::string> key_lines(const std::string &text);

} // namespace lcs::obs::dock
