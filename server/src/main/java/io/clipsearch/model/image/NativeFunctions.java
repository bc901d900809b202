package io.clipsearch.model.image;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Binds a native library's functions by name, failing on the first one the library lacks. */
record NativeFunctions(Linker linker, NativeLibrary library) {

  /**
   * @throws IllegalStateException if the library has no such symbol (an older version than ours)
   */
  MethodHandle find(String symbol, FunctionDescriptor descriptor) {
    return linker.downcallHandle(
        library
            .symbols()
            .find(symbol)
            .orElseThrow(() -> new IllegalStateException(library.soname() + " has no " + symbol)),
        descriptor);
  }
}
