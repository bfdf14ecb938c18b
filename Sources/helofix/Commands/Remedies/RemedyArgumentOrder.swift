/// Lets options come before the remedy's name, as they could when the remedy was a positional
/// word: `helofix apply --yes remove-domain-traces shop.example.com` works like
/// `helofix apply remove-domain-traces shop.example.com --yes`. ArgumentParser reads options given
/// before a subcommand's name as the parent's, and `plan`/`apply` have none of their own.
enum RemedyArgumentOrder {
    /// Options of the remedy subcommands that take a value (the next word is not the remedy).
    static let optionsWithValue: Set<String> = ["--root", "--reason", "--lock-wait"]

    /// `arguments` (without the program name) with the options between `plan`/`apply` and the
    /// remedy's name moved after that name; anything else is returned unchanged.
    static func normalized(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, command == "plan" || command == "apply" else { return arguments }
        var index = 1
        while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index] != "--" {
            index += optionsWithValue.contains(arguments[index]) ? 2 : 1
        }
        guard index > 1, index < arguments.count, !arguments[index].hasPrefix("-") else { return arguments }
        return [command, arguments[index]] + arguments[1..<index] + arguments[(index + 1)...]
    }
}
