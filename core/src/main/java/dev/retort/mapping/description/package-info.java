/**
 * The checked mapping of entities as plain data: what reading the annotations and checking them (the first
 * phase of {@link dev.retort.Metadata#of}) produces, and what the second phase binds to the classes' fields and
 * constructors without reading an annotation again. Records of strings, numbers, enums, lists and
 * {@code Class} objects, so that a container can keep them from its build: Quarkus records them as bytecode
 * at build time and binds them during static initialization. Not API: the types here may change without notice.
 */
package dev.retort.mapping.description;
