/**
 * The built-in mini model ("LiT"-style): a frozen pretrained text tower, all-MiniLM-L6-v2 shipped
 * as ONNX inside a Maven artifact ({@link io.clipsearch.model.mini.MiniLmTextEncoder}), and a small
 * residual CNN image tower trained from scratch to land images where the text tower puts their
 * concept ({@link io.clipsearch.model.mini.MiniImageTower}). A {@link
 * io.clipsearch.model.ModelFamily} ({@link io.clipsearch.model.mini.MiniFamily}) registered in
 * {@code META-INF/services}: it imports {@code model}, never the other way round. Engine types stay
 * inside this package.
 */
package io.clipsearch.model.mini;
