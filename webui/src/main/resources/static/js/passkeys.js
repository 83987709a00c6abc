// Passkeys: the browser's half of the WebAuthn ceremonies on the second-factor pages. The server
// makes every challenge and checks every answer; this only carries them between the two.
(() => {
  const base64url = {
    toBuffer(text) {
      const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
      const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      return bytes.buffer;
    },
    from(buffer) {
      let binary = "";
      for (const byte of new Uint8Array(buffer)) {
        binary += String.fromCharCode(byte);
      }
      return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    },
  };

  // The form token as a header: from the page's meta tag, or the section's data attributes on
  // the pages that load no other script.
  function formToken(section) {
    const meta = document.querySelector('meta[name="form-token"]');
    if (meta) {
      return { [meta.dataset.header]: meta.content };
    }
    return section.dataset.formHeader ? { [section.dataset.formHeader]: section.dataset.formToken } : {};
  }

  async function post(section, path, body) {
    const answer = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...formToken(section) },
      body: JSON.stringify(body ?? {}),
    });
    const data = await answer.json().catch(() => ({}));
    if (!answer.ok) {
      throw new Error(data.problem || `The server answered ${answer.status}.`);
    }
    return data;
  }

  // The credential as WebAuthn's JSON encoding, for browsers without PublicKeyCredential.toJSON.
  function asJson(credential) {
    if (typeof credential.toJSON === "function") {
      return credential.toJSON();
    }
    const response = credential.response;
    const json = {
      id: credential.id,
      rawId: base64url.from(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: base64url.from(response.clientDataJSON) },
    };
    if (response.attestationObject) {
      json.response.attestationObject = base64url.from(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = base64url.from(response.authenticatorData);
      json.response.signature = base64url.from(response.signature);
      json.response.userHandle = response.userHandle ? base64url.from(response.userHandle) : null;
    }
    return json;
  }

  function withIds(list) {
    return (list || []).map((c) => ({ ...c, id: base64url.toBuffer(c.id) }));
  }

  function showProblem(section, error) {
    const problem = section.querySelector("[data-passkey-problem]");
    // A cancelled or timed-out browser prompt is a NotAllowedError: say it plainly.
    problem.textContent =
      error.name === "NotAllowedError"
        ? "The passkey prompt was cancelled or timed out."
        : error.message || String(error);
    problem.hidden = false;
  }

  document.querySelectorAll("[data-passkeys]").forEach((section) => {
    const form = section.querySelector("[data-passkey-add]");
    if (!form) {
      return;
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const options = await post(section, "/access/tfa/passkey/options");
        const credential = await navigator.credentials.create({
          publicKey: {
            ...options,
            challenge: base64url.toBuffer(options.challenge),
            user: { ...options.user, id: base64url.toBuffer(options.user.id) },
            excludeCredentials: withIds(options.excludeCredentials),
          },
        });
        const added = await post(section, "/access/tfa/passkey", {
          label: form.elements.label.value,
          credential: asJson(credential),
        });
        window.location.assign(added.location);
      } catch (error) {
        showProblem(section, error);
      }
    });
  });

  document.querySelectorAll("[data-passkey-login]").forEach((section) => {
    section.querySelector("[data-passkey-use]").addEventListener("click", async () => {
      try {
        const options = await post(section, "/login/tfa/passkey/options");
        const credential = await navigator.credentials.get({
          publicKey: {
            ...options,
            challenge: base64url.toBuffer(options.challenge),
            allowCredentials: withIds(options.allowCredentials),
          },
        });
        const done = await post(section, "/login/tfa/passkey", asJson(credential));
        window.location.assign(done.location);
      } catch (error) {
        showProblem(section, error);
      }
    });
  });
})();
