import Foundation
import Remedy

/// The history screen: one line per transaction (when, who, state, what), the selected one's
/// reason and files below, or a transaction's diff.
enum HistoryView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        guard let history = state.history else { return }
        if let diff = history.diff {
            let rows = max(1, state.height - 4)
            let scroll = min(history.scroll, max(0, diff.lines.count - rows))
            TitleLine.draw(" History: diff of \(diff.id) ", state, into: &grid, scroll: (scroll, rows, diff.lines.count))
            for (i, line) in diff.lines.dropFirst(scroll).prefix(rows).enumerated() {
                let role: StyleRole = line.hasPrefix("+++") || line.hasPrefix("---") ? .title
                    : line.hasPrefix("+") ? .diffAdd : line.hasPrefix("-") ? .diffDel : line.hasPrefix("@@") ? .keyHint : .normal
                grid.write(line.replacingOccurrences(of: "\t", with: "    "), x: 2, y: 2 + i, role: role, limit: grid.width - 3)
            }
            return
        }
        TitleLine.draw(" History: \(history.records.count) transaction\(history.records.count == 1 ? "" : "s") ", state, into: &grid)
        guard history.loaded else {
            grid.write("Reading the history" + state.glyphs.ellipsis, x: 2, y: 2, role: .dim)
            return
        }
        guard !history.records.isEmpty else {
            grid.write("No changes yet: every fix applied here is recorded with its backups in /var/lib/helofix.", x: 2, y: 2, role: .dim, limit: grid.width - 4)
            return
        }
        let listRows = max(1, state.height - 12)
        let top = history.position.top
        for (i, record) in history.records.dropFirst(top).prefix(listRows).enumerated() {
            let selected = top + i == history.position.selected
            let line = "\(Self.time(record.time))  \(record.who)  \(record.state.rawValue)  \(record.remedy)"
            if selected { grid.fill(x: 1, y: 2 + i, width: grid.width - 2, role: .selection) }
            grid.write(line, x: 2, y: 2 + i, role: selected ? .selection : record.state == .committed ? .normal : .dim, limit: grid.width - 4)
        }
        guard let r = history.selected else { return }
        var y = 3 + listRows
        var details = ["\(r.id): \(r.title)"]
        if !r.reason.isEmpty { details.append("why: \(r.reason)") }
        if let ssh = r.identity.sshConnection { details.append("from \(ssh.split(separator: " ").first ?? "")") }
        details += r.files.map { "  " + $0 } + r.commands.map { "  ran " + $0 }
        if let by = r.rolledBackBy { details.append("rolled back by \(by)") }
        if let of = r.rollbackOf { details.append("undoes \(of)") }
        if let note = r.note { details.append("note: \(note)") }
        for text in details where y < state.height - 2 {
            grid.write(text, x: 2, y: y, role: y == 3 + listRows ? .title : .dim, limit: grid.width - 4)
            y += 1
        }
    }

    /// `2026-11-29 15:40:12` in UTC, as the audit log and `helofix history` write it.
    static func time(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }

    /// The footer's hints, with the keymap's keys; a read-only session is not offered a rollback.
    static func footer(_ state: ConsoleState) -> String? {
        guard let history = state.history else { return nil }
        let k = state.keymap
        let rollback = state.mode.allowsChanges && history.selected?.state == .committed ? "  r roll back" : ""
        return history.diff != nil
            ? "  \(k.upDown) scroll" + rollback + k.hint(.back, "back") + k.hint(.help, "help")
            : "  \(k.upDown) select" + k.hint(.open, "diff") + rollback + k.hint(.back, "close") + k.hint(.help, "help")
    }
}
