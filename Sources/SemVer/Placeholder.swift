// Placeholder: replaced as the SemVer layer is written.
