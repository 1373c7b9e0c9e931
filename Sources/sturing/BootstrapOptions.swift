import ArgumentParser

/// `--bootstrap N --seed S`: intervals for every share, rank and case selection, from resampling
/// each plan's sentences N times.
struct BootstrapOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Resample each plan's sentences N times for 95 % intervals of shares and ranks (0: off).", valueName: "N"))
    var bootstrap: Int = 0

    @Option(name: .long, help: ArgumentHelp("Seed of the resampling (the same seed gives the same intervals).", valueName: "S"))
    var seed: UInt64 = 1

    func validate() throws {
        if bootstrap < 0 || bootstrap > 100_000 { throw ValidationError("--bootstrap must be between 0 and 100000") }
    }
}
