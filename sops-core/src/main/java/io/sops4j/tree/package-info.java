/**
 * The plaintext document model: a {@link io.sops4j.tree.TreeBranch} is an ordered mapping of
 * {@link io.sops4j.tree.TreeItem}s whose values are strings, numbers, booleans, times, byte arrays,
 * lists, nested branches and {@link io.sops4j.tree.Comment}s, in file order. Documents and stored
 * key entries are trees. Stable.
 */
package io.sops4j.tree;
