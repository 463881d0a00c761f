// Placeholder: replaced as the Reports layer is written.
