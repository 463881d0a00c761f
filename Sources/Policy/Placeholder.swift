// Placeholder: replaced as the Policy layer is written.
