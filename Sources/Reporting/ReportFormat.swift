/// Reporters turn findings into text, JSON, SARIF and GitHub annotations.
public enum ReportFormat {}
