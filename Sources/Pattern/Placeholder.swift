// Placeholder: replaced as the Pattern layer is written.
