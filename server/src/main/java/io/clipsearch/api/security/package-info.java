/**
 * Who may call the server: the bearer tokens and the host check, applied by HTTP filters before a
 * controller runs.
 *
 * <p>Main types, in the order a request meets them:
 *
 * <ol>
 *   <li>{@link io.clipsearch.api.security.HostFilter} refuses (403) a {@code Host} that does not
 *       name this server and a browser {@code Origin} of another site, on every path; the names it
 *       accepts are {@code AllowedHosts}, from {@link io.clipsearch.api.security.HttpAccessConfig}.
 *   <li>{@link io.clipsearch.api.security.BearerTokenFilter} checks {@code Authorization: Bearer}
 *       on {@code /api}: the full token on endpoints marked {@link
 *       io.clipsearch.api.security.Mutating}, the full or read-only token on reads when {@link
 *       io.clipsearch.api.security.ReadAccess} says reads need one.
 *   <li>{@link io.clipsearch.api.security.ReadAccess} decides that once at start, from {@link
 *       io.clipsearch.api.security.AuthConfig} or else from the addresses the server binds.
 *   <li>{@link io.clipsearch.api.security.ServerToken} holds the two tokens, each configured or
 *       read from its {@link io.clipsearch.api.security.TokenFile} in the data folder.
 * </ol>
 *
 * <p>A controller method that changes state says so, and nothing else:
 *
 * <pre>{@code
 * @Delete("/{name}/roots")
 * @Mutating
 * public CollectionInfo removeRoot(String name, @QueryValue String path) {
 *   return collections.removeRoot(name, Path.of(path));
 * }
 * }</pre>
 */
package io.clipsearch.api.security;
