/**
 * Checking the editable files (routes/, mappings/, conf/) without starting anything, as
 * {@code dxaflow check} does, and reloading the reloadable ones into a running engine after they
 * pass the same checks ({@link org.dxaflow.check.HotReload}). A file that fails keeps its previous
 * version in use; the failure is logged with {@code file:line}, shown in health and handed to a
 * {@link org.dxaflow.check.ReloadListener}.
 */
package org.dxaflow.check;
