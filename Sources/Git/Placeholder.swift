// Placeholder: replaced as the Git layer is written.
