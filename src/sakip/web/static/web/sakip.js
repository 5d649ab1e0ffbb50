// An in-place request that fails shows why, where it was made: htmx swaps
// nothing on an error answer or a lost connection, and a click on "Simpan"
// that does nothing visible reads as saved.
(function () {
  "use strict";
  function tampilkan(evt, pesan) {
    var elt = evt.detail.elt;
    if (!elt || !elt.isConnected) return;
    var p = elt.querySelector(":scope > .galat-kirim");
    if (!p) {
      p = document.createElement("p");
      p.className = "galat galat-kirim";
      p.setAttribute("role", "alert");
      elt.appendChild(p);
    }
    var kirim = (evt.detail.requestConfig || {}).verb !== "get";
    p.textContent = (kirim ? "Tidak tersimpan: " : "Tidak dapat dimuat: ") + pesan;
  }
  document.addEventListener("htmx:responseError", function (evt) {
    var status = evt.detail.xhr.status;
    var pesan;
    if (status === 403) {
      pesan = "permintaan ditolak (hak akses Anda, atau halaman sudah terlalu lama dibuka). Muat ulang halaman, lalu ulangi.";
    } else if (status === 404) {
      pesan = "data ini tidak ditemukan lagi. Muat ulang halaman.";
    } else if (status >= 500) {
      pesan = "terjadi kesalahan di server. Coba lagi sebentar lagi.";
    } else {
      pesan = "jawaban server tidak terduga (" + status + "). Muat ulang halaman, lalu ulangi.";
    }
    tampilkan(evt, pesan);
  });
  document.addEventListener("htmx:sendError", function (evt) {
    tampilkan(evt, "server tidak dapat dihubungi. Periksa koneksi, lalu ulangi.");
  });
  // A retry that succeeds swaps the field, and the message with it.
})();
