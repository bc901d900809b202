/**
 * People: the faces found in a collection's photos, stored by content id beside the thumbnails
 * ({@link io.clipsearch.people.FaceStore}), and the shared, lazily loaded face nets that find them
 * during ingest ({@link io.clipsearch.people.FaceFinders}, {@link
 * io.clipsearch.people.PhotoFaces}). Sits on {@code faces} (the nets) and {@code model.image}
 * (decoded pixels); {@code ingest}, {@code collection} and {@code api} use it, nothing here imports
 * them. Faces never leave the machine: nothing here talks to the network.
 */
package io.clipsearch.people;
