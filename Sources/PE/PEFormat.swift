/// Reads Portable Executable files.
public enum PEFormat {}
