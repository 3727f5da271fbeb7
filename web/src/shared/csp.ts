/** The CSP nonce the server put in the page (a meta tag it fills per response), if any. */
export function pageNonce(): string | undefined {
  const value = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return value && value !== '__CSP_NONCE__' ? value : undefined;
}

/**
 * Gives the page's nonce to every <style> element the app's scripts insert. Ant Design passes the
 * nonce to its own style sheets, but some rc-components helpers (scrollbar measurement, scroll
 * locking) create theirs without one. Styles injected as markup, which is what an attacker could
 * do, stay blocked by the CSP.
 */
export function nonceScriptStyles(nonce: string): void {
  const stamp = (node: Node) => {
    if (node instanceof HTMLStyleElement && !node.nonce) node.nonce = nonce;
  };
  const append = Node.prototype.appendChild;
  const insert = Node.prototype.insertBefore;
  Node.prototype.appendChild = function appendChild<T extends Node>(this: Node, node: T): T {
    stamp(node);
    return append.call(this, node) as T;
  };
  Node.prototype.insertBefore = function insertBefore<T extends Node>(this: Node, node: T, child: Node | null): T {
    stamp(node);
    return insert.call(this, node, child) as T;
  };
}
