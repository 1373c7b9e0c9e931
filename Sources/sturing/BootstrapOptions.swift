import ArgumentParser

/// `--bootstrap N --seed S`: intervals for every share, rank and case selection, from resampling
/// each plan's sentences N times (1,000 unless told otherwise; 0 turns them off).
struct BootstrapOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Resample each plan's sentences N times for 95 % intervals of shares and ranks (0: off).", valueName: "N"))
    var bootstrap: Int = BootstrapOptions.defaultReplicates

    @Option(name: .long, help: ArgumentHelp("Seed of the resampling (the same seed gives the same intervals).", valueName: "S"))
    var seed: UInt64 = 1

    /// Replicates drawn when `--bootstrap` is not given.
    static let defaultReplicates = 1000

    func validate() throws {
        if bootstrap < 0 || bootstrap > 100_000 { throw ValidationError("--bootstrap must be between 0 and 100000") }
        if bootstrap > 0 && bootstrap < 50 { throw ValidationError("--bootstrap must be 0 (no intervals) or at least 50: fewer replicates give 95 % bounds that are mostly noise") }
    }
}
