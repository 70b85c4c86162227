// Vite bundles the co-located stylesheets; this tells TypeScript such imports are legal.
/// <reference types="vite/client" />
