// Placeholder: replaced as the Releases layer is written.
