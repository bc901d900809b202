/**
 * The JSON types of clipsearch's REST API, shared by the server and its clients. Plain immutable
 * records with validation constraints; no server logic.
 */
package io.clipsearch.api.types;
