import MailServer

/// A fix on one server: the exact `helofix plan` arguments to run there (the fleet view writes nothing).
public struct FleetRemedy: Sendable, Hashable {
    /// The server to run it on.
    public var server: String
    /// What to do, in a line.
    public var title: String
    /// Trade-offs and risks.
    public var tradeOff: String
    /// The words after `helofix plan` (`remove-domain`, `shop.example.com`).
    public var arguments: [String]

    /// `helofix plan remove-domain shop.example.com`, quoted for a shell.
    public var planCommand: String {
        (["helofix", "plan"] + arguments.map(Self.quoted)).joined(separator: " ")
    }

    /// The same run through Ansible on that server (`-i INVENTORY` when one is given).
    public func ansibleCommand(inventory: String? = nil) -> String {
        let inv = inventory.map { " -i \(Self.quoted($0))" } ?? ""
        return "ansible \(Self.quoted(server))\(inv) -m ansible.builtin.command -a '\(planCommand)'"
    }

    /// Words with only name characters stay bare; others get double quotes (they sit inside the
    /// single quotes of `ansible -a`).
    static func quoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-._:/@".contains($0) } ? word : "\"\(word)\""
    }
}
