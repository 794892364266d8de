/**
 * The failures of sops4j: {@link io.sops4j.error.SopsException} and its subclasses, each with
 * the {@link io.sops4j.error.ExitCode} upstream sops exits with, the file and the key path.
 * Messages never contain secret values. Stable: the types and the exit code numbers.
 */
package io.sops4j.error;
