import Remedy

/// Platform commands on a copy of a server. The Remedy layer runs a platform's own tools
/// (`set_hostname`, `buildeximconf`) only when the root is `/`, never a program inside a copy. On
/// a copy (the demo, `--root DIR`) the files are still written and the commands are left for the
/// admin to run on the server: the preview says so before anything is confirmed, a plan that is
/// only commands is not offered for confirmation, and the result lists what is still to do.
public enum CopyCommands {
    /// Whether platform commands run where the console is looking (the root is `/`).
    public static func runHere(_ data: ConsoleData) -> Bool { data.root == "/" }

    /// Whether the plan, applied here, would change nothing (a rename is only a command).
    static func nothingToApply(_ plan: Plan, _ state: ConsoleState) -> Bool {
        !runHere(state.data) && plan.files.isEmpty && plan.createDirectories.isEmpty && plan.removeDirectories.isEmpty
    }
}
