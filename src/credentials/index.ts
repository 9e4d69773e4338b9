// Public surface of src/credentials; filled in by its issue.
export {};
