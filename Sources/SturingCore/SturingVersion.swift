/// The version of the tool, recorded in every output.
public enum SturingVersion {
    /// Semantic version of sturing: 0.3.1 added the settings schema in run.json and scores.json,
    /// the notices and reasons of documents' warnings and failures, and text cache format ingest-7.
    public static let current = "0.3.1"
}
