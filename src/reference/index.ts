// Public surface of src/reference; filled in by its issue.
export {};
