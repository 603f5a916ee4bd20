# coop, name, group, category, unit, net quantity, weight g, price VND, stock, OCOP stars (0 = none), certifications, description, origin commune
P = []
def add(*row): P.append(row)

# Lai Châu
add("htx-che-tam-duong", "Chè xanh Tam Đường", "beverage", "Chè / Trà", "hộp", "200 g", 260, 180000, 60, 4, [("vietgap", "VietGAP-TT-12-0031")],
    "Chè xanh hái một tôm hai lá trên đồi chè Tam Đường ở độ cao 1.200 m. Nước chè xanh vàng, vị chát dịu và ngọt hậu. Pha 5 g chè với nước 85 °C, hãm 2 phút.", None)
add("htx-che-tam-duong", "Chè Ô long Tam Đường", "beverage", "Chè / Trà", "hộp", "250 g", 320, 350000, 35, 4, [],
    "Chè Ô long lên men một phần, vo viên thủ công. Hương hoa tự nhiên, nước vàng sáng, pha được nhiều lần. Bảo quản nơi khô ráo, tránh ánh nắng.", None)
add("htx-che-tam-duong", "Hồng trà Tam Đường", "beverage", "Chè / Trà", "gói", "100 g", 130, 120000, 50, 3, [],
    "Hồng trà lên men hoàn toàn từ búp chè trung du, nước đỏ nâu, vị ngọt mật. Uống nóng hoặc pha trà sữa đều ngon.", None)
add("htx-che-tam-duong", "Chè Shan tuyết Sơn Bình", "beverage", "Chè / Trà", "túi", "500 g", 560, 450000, 20, 0, [],
    "Chè Shan tuyết từ cây chè cổ thụ ở Sơn Bình, búp to phủ lông tơ trắng. Sao tay trên chảo gang, hương cốm đặc trưng.", None)
add("htx-sam-lai-chau-muong-te", "Sâm Lai Châu tươi 5 năm tuổi", "herbal", "Sâm / Dược liệu", "lạng", "100 g", 150, 1500000, 8, 5, [("organic", "GACP-WHO 2024")],
    "Củ sâm Lai Châu (Panax vietnamensis var. fuscidiscus) 5 năm tuổi trồng dưới tán rừng Mường Tè. Kèm giấy chứng nhận nguồn gốc và tuổi cây. Dùng ngâm mật ong, ngâm rượu hoặc thái lát ngậm.", "03445")
add("htx-sam-lai-chau-muong-te", "Sâm Lai Châu ngâm mật ong", "herbal", "Sâm / Dược liệu", "hũ", "500 ml", 900, 980000, 15, 4, [],
    "Sâm Lai Châu thái lát ngâm trong mật ong rừng Mường Tè ít nhất 3 tháng. Ngậm mỗi sáng 2–3 lát để bồi bổ sức khoẻ.", "03445")
add("htx-sam-lai-chau-muong-te", "Trà túi lọc lá sâm Lai Châu", "herbal", "Trà thảo mộc", "hộp", "20 túi x 2 g", 80, 150000, 70, 3, [],
    "Lá và thân sâm Lai Châu sấy lạnh, nghiền và đóng túi lọc. Vị đắng nhẹ rồi ngọt, giúp thư giãn, dễ ngủ.", "03445")
add("htx-nong-san-sin-ho", "Thảo quả khô Sìn Hồ", "food", "Gia vị", "kg", "1 kg", 1050, 320000, 90, 3, [],
    "Quả thảo quả chín hái dưới tán rừng già Sìn Hồ, sấy khói bếp củi. Mùi thơm nồng, dùng nấu phở, thắng cố, kho thịt.", "03478")
add("htx-nong-san-sin-ho", "Gạo nương Sìn Hồ", "food", "Gạo", "túi", "5 kg", 5050, 150000, 120, 0, [],
    "Gạo nương trồng một vụ trên nương của người Mông Sìn Hồ, không phân bón hoá học. Hạt to, cơm dẻo và thơm mùi nương rẫy.", "03478")
add("htx-nong-san-sin-ho", "Măng nứa khô Sìn Hồ", "food", "Măng / Rau rừng", "gói", "500 g", 520, 140000, 45, 3, [],
    "Măng nứa rừng luộc chín rồi phơi nắng và sấy gác bếp. Ngâm nước vo gạo một đêm trước khi nấu canh xương hoặc xào thịt trâu.", "03478")
add("htx-nong-san-sin-ho", "Mật ong hoa bạc hà Sìn Hồ", "food", "Mật ong", "chai", "500 ml", 750, 380000, 0, 4, [],
    "Mật ong của đàn ong nội lấy hoa bạc hà dại trên cao nguyên Sìn Hồ vào tháng 11. Vị ngọt thanh, hơi the. Tạm hết hàng đến vụ sau.", "03478")
add("to-hop-tac-tho-cam-phong-tho", "Khăn thổ cẩm Dao đỏ thêu tay", "textile", "Thổ cẩm", "chiếc", "180 x 40 cm", 200, 450000, 12, 3, [],
    "Khăn vải lanh nhuộm chàm, thêu tay hoa văn Dao đỏ bằng chỉ tơ đỏ và vàng. Mỗi chiếc khác nhau một chút vì được thêu tay.", "03549")
add("to-hop-tac-tho-cam-phong-tho", "Túi đeo chéo thổ cẩm Phong Thổ", "textile", "Thổ cẩm", "chiếc", "25 x 20 cm", 250, 320000, 25, 0, [],
    "Túi đeo chéo may từ vải thổ cẩm dệt tay, có lót trong và khoá kéo. Hợp để đi phố hoặc làm quà.", "03549")
add("to-hop-tac-tho-cam-phong-tho", "Bộ váy áo Lự dệt tay", "textile", "Trang phục", "bộ", "Cỡ M", 900, 1450000, 4, 4, [],
    "Bộ trang phục người Lự gồm áo xẻ nách và váy dệt hoa văn trám, dệt tay trên khung cửi gỗ trong 3 tuần.", "03549")
add("hkd-mac-ca-tan-uyen", "Hạt mắc ca nứt vỏ Tân Uyên", "food", "Hạt", "hộp", "500 g", 560, 230000, 80, 3, [],
    "Mắc ca trồng trên đồi Tân Uyên, sấy 48 giờ và tạo khe nứt sẵn, kèm dụng cụ tách vỏ. Hạt béo, giòn.", "03598")
add("hkd-mac-ca-tan-uyen", "Chè Ô long Tân Uyên", "beverage", "Chè / Trà", "gói", "200 g", 230, 260000, 40, 0, [],
    "Ô long giống Kim Tuyên trồng ở Tân Uyên, vo viên chặt, hương sữa nhẹ.", "03598")
add("hkd-mac-ca-tan-uyen", "Sữa hạt mắc ca", "beverage", "Đồ uống", "chai", "330 ml", 380, 35000, 60, 0, [],
    "Sữa mắc ca nấu trong ngày, không đường, giữ lạnh và dùng trong 3 ngày.", "03598")
