// Small DOM utilities shared by the renderers: clone a server-rendered <template>, find its slots.

/** A fresh copy of the first element of <template id=...>. */
export function clone(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/** The element of `scope` marked data-slot=name, which the script fills. */
export function slot(scope, name) {
  return scope.querySelector(`[data-slot="${name}"]`);
}
