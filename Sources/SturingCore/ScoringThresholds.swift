/// Thresholds for warnings about scores, shared by scoring and the reports.
public enum ScoringThresholds {
    /// Below this many signal words a document's shares are flagged as unstable.
    public static let fewSignalWords = 20
}
