import Diagnosis

/// Entry points for the runtime (`helofix wizard` opens the console with the wizard up).
public enum FixCommands {
    /// Starts the wizard on the current findings, as `w` does.
    public static func startWizard(_ state: inout ConsoleState) -> [ConsoleEffect] {
        FixStart.wizard(&state)
    }
}
