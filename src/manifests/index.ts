// Public surface of src/manifests; filled in by its issue.
export {};
