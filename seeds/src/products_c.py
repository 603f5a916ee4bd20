from products_a import add

# Điện Biên
add("htx-nong-nghiep-thanh-an", "Gạo tám thơm Điện Biên", "food", "Gạo", "túi", "5 kg", 5050, 145000, 250, 4, [("geographical_indication", "CDĐL Gạo Điện Biên")],
    "Gạo tám thơm trồng trên cánh đồng Mường Thanh, hạt nhỏ dài, cơm mềm dẻo và thơm lâu. Gạo Điện Biên được bảo hộ chỉ dẫn địa lý.", "03352")
add("htx-nong-nghiep-thanh-an", "Gạo séng cù Điện Biên", "food", "Gạo", "túi", "5 kg", 5050, 165000, 180, 4, [("vietgap", "VietGAP-TT-11-0012")],
    "Gạo séng cù hạt dài, trong, cơm dẻo đậm vị, trồng theo VietGAP ở Thanh An.", "03352")
add("htx-nong-nghiep-thanh-an", "Gạo nếp cẩm Điện Biên", "food", "Gạo", "túi", "2 kg", 2050, 110000, 90, 3, [],
    "Nếp cẩm màu tím than, làm xôi, rượu nếp cẩm hoặc sữa chua nếp cẩm.", "03352")
add("htx-nong-nghiep-thanh-an", "Miến gạo Điện Biên", "food", "Miến / Phở / Bún", "gói", "500 g", 520, 45000, 160, 3, [],
    "Miến làm từ gạo séng cù, sợi nhỏ dai, không chất tẩy trắng. Trần nước sôi 2 phút là dùng được.", "03352")
add("htx-nong-nghiep-thanh-an", "Bánh đa nem Điện Biên", "food", "Bánh", "tập", "200 g", 220, 30000, 140, 0, [],
    "Bánh đa nem tráng mỏng từ gạo tám, cuốn nem rán giòn lâu.", "03352")
add("htx-ca-phe-muong-ang", "Cà phê arabica Mường Ảng rang mộc", "beverage", "Cà phê", "gói", "500 g", 520, 220000, 100, 4, [],
    "Arabica Mường Ảng hái chín, sơ chế ướt, rang mộc vừa. Hương trái cây, chua thanh, hậu ngọt. Có xay sẵn hoặc nguyên hạt.", "03256")
add("htx-ca-phe-muong-ang", "Cà phê honey Mường Ảng", "beverage", "Cà phê", "gói", "250 g", 270, 180000, 50, 3, [],
    "Cà phê sơ chế honey, giữ lớp nhớt khi phơi, vị ngọt như mật, thân dày.", "03256")
add("htx-ca-phe-muong-ang", "Cà phê phin giấy Mường Ảng", "beverage", "Cà phê", "hộp", "10 gói x 12 g", 140, 95000, 80, 0, [],
    "Cà phê xay sẵn trong phin giấy tiện mang đi, pha với nước sôi 4 phút.", "03256")
add("htx-che-tua-chua", "Chè Shan tuyết Tủa Chùa", "beverage", "Chè / Trà", "hộp", "200 g", 260, 380000, 40, 4, [],
    "Chè Shan tuyết cổ thụ trên cao nguyên đá Tủa Chùa, búp to trắng như tuyết, nước xanh vàng, vị ngọt hậu lâu.", "03217")
add("htx-che-tua-chua", "Bạch trà Tủa Chùa", "beverage", "Chè / Trà", "hộp", "100 g", 150, 600000, 12, 0, [],
    "Bạch trà làm từ búp non chè Shan tuyết Tủa Chùa, làm héo tự nhiên.", "03217")
add("htx-che-tua-chua", "Chè Shan tuyết Tủa Chùa túi zip", "beverage", "Chè / Trà", "túi", "300 g", 320, 250000, 70, 0, [],
    "Chè uống hằng ngày đóng túi zip tiện dùng.", "03217")
add("to-hop-tac-det-thanh-nua", "Khăn piêu Thái Điện Biên", "textile", "Thổ cẩm", "chiếc", "150 x 35 cm", 150, 380000, 20, 4, [],
    "Khăn piêu thêu tay hoa văn cút piêu ở hai đầu, biểu tượng của phụ nữ Thái. Thêu mất khoảng 3 tuần.", "03328")
add("to-hop-tac-det-thanh-nua", "Váy Thái dệt tay bản Mển", "textile", "Trang phục", "chiếc", "Cỡ tự do", 500, 850000, 6, 3, [],
    "Váy đen dệt tay, cạp thêu hoa văn, nhuộm chàm tự nhiên.", "03328")
add("to-hop-tac-det-thanh-nua", "Gối tựa thổ cẩm Thái", "souvenir", "Trang trí", "chiếc", "45 x 45 cm", 400, 280000, 18, 0, [],
    "Vỏ gối dệt hoa văn Thái, có ruột bông, trang trí phòng khách.", "03328")
add("to-hop-tac-det-thanh-nua", "Ví cầm tay thổ cẩm", "textile", "Thổ cẩm", "chiếc", "20 x 10 cm", 90, 120000, 40, 0, [],
    "Ví nhỏ may từ vải thổ cẩm dệt tay, có khoá kéo.", "03328")
add("hkd-trau-gac-bep-muong-phang", "Thịt trâu gác bếp Điện Biên", "food", "Thịt khô / Gác bếp", "gói", "500 g", 520, 550000, 30, 3, [],
    "Thịt trâu bắp tẩm mắc khén, gừng, ớt rồi hun khói bếp củi 2 tuần. Xé nhỏ chấm chẩm chéo, hấp 10 phút trước khi ăn.", "03325")
add("hkd-trau-gac-bep-muong-phang", "Lạp xưởng gác bếp Mường Phăng", "food", "Thịt khô / Gác bếp", "kg", "1 kg", 1020, 320000, 25, 0, [],
    "Lạp xưởng thịt lợn bản trộn hạt dổi, mắc khén, hun khói bếp. Rán hoặc nướng than.", "03325")
add("hkd-trau-gac-bep-muong-phang", "Thịt lợn gác bếp", "food", "Thịt khô / Gác bếp", "gói", "500 g", 520, 380000, 15, 0, [],
    "Thịt lợn ba chỉ ướp gia vị núi rừng, hun khói bếp củi.", "03325")
add("hkd-trau-gac-bep-muong-phang", "Hạt mắc khén rừng", "food", "Gia vị", "gói", "100 g", 110, 60000, 80, 0, [],
    "Mắc khén (tiêu rừng) hái tự nhiên, thơm the, dùng ướp thịt nướng, làm chẩm chéo.", "03325")
add("hkd-trau-gac-bep-muong-phang", "Hạt dổi rừng Điện Biên", "food", "Gia vị", "lạng", "100 g", 110, 120000, 50, 0, [],
    "Hạt dổi nếp rừng, rang lên thơm nức, giã cùng muối chấm thịt luộc.", "03325")
