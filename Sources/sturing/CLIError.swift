/// A configuration problem that stops the run before any file is scored (exit code 2).
struct CLIError: Error, CustomStringConvertible {
    /// What is wrong and what to do.
    let description: String
}
